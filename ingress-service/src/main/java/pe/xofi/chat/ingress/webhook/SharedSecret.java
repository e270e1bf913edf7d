package pe.xofi.chat.ingress.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A configured secret that a caller must present exactly; comparison is constant-time over SHA-256
 * digests so neither the content nor the length of the secret leaks through timing.
 */
public final class SharedSecret {

  private final byte[] expectedDigest;

  private SharedSecret(byte[] expectedDigest) {
    this.expectedDigest = expectedDigest;
  }

  /** The secret {@code value}, or an unconfigured one when {@code value} is null or blank. */
  public static SharedSecret of(String value) {
    return new SharedSecret(value == null || value.isBlank() ? null : digest(value));
  }

  /** Whether a secret is configured at all. */
  public boolean configured() {
    return expectedDigest != null;
  }

  /** Whether {@code candidate} is the configured secret; never true when none is configured. */
  public boolean matches(String candidate) {
    return expectedDigest != null
        && candidate != null
        && MessageDigest.isEqual(expectedDigest, digest(candidate));
  }

  private static byte[] digest(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return configured() ? "SharedSecret[configured]" : "SharedSecret[none]";
  }
}
