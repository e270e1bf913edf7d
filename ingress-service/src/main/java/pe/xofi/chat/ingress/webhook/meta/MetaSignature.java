package pe.xofi.chat.ingress.webhook.meta;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta signs every webhook with {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body
 * keyed by the app secret>}; a body is authentic only when the header matches, compared in constant
 * time. Without a configured app secret nothing can be checked.
 */
public final class MetaSignature {

  /** The header Meta puts the signature in. */
  public static final String HEADER = "X-Hub-Signature-256";

  private static final String PREFIX = "sha256=";

  private final byte[] appSecret;

  private MetaSignature(byte[] appSecret) {
    this.appSecret = appSecret;
  }

  /** The check for {@code appSecret}; a blank one means no check is configured. */
  public static MetaSignature of(String appSecret) {
    return new MetaSignature(
        appSecret == null || appSecret.isBlank() ? null : appSecret.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether an app secret is configured. */
  public boolean configured() {
    return appSecret != null;
  }

  /** Whether {@code header} is the signature of {@code body}; never true without an app secret. */
  public boolean matches(byte[] body, String header) {
    if (appSecret == null || header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return false;
    }
    byte[] expected = sign(appSecret, body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = header.substring(PREFIX.length()).trim().toLowerCase(java.util.Locale.ROOT)
        .getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  /** The {@code X-Hub-Signature-256} value of {@code body} under {@code appSecret}. */
  public static String header(String appSecret, byte[] body) {
    return PREFIX + sign(appSecret.getBytes(StandardCharsets.UTF_8), body);
  }

  private static String sign(byte[] key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }

  @Override
  public String toString() {
    return configured() ? "MetaSignature[configured]" : "MetaSignature[none]";
  }
}
