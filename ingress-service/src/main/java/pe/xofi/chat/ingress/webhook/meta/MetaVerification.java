package pe.xofi.chat.ingress.webhook.meta;

import pe.xofi.chat.ingress.webhook.SharedSecret;

/**
 * Meta's webhook handshake: a GET with {@code hub.mode=subscribe} and the configured verify token is
 * answered with its {@code hub.challenge}; anything else is refused.
 */
public final class MetaVerification {

  private final SharedSecret verifyToken;

  public MetaVerification(SharedSecret verifyToken) {
    this.verifyToken = verifyToken;
  }

  /** The challenge to echo, or {@code null} when the handshake must be refused (403). */
  public String challengeToEcho(String mode, String token, String challenge) {
    boolean valid =
        "subscribe".equals(mode)
            && challenge != null
            && !challenge.isEmpty()
            && verifyToken.matches(token);
    return valid ? challenge : null;
  }
}
