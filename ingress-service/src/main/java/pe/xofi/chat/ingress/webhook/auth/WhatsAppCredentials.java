package pe.xofi.chat.ingress.webhook.auth;

import pe.xofi.chat.schemas.inbound.Provider;

/**
 * The credentials a request on the WhatsApp path carries, as its headers give them; any of them may
 * be absent, and carrying one decides nothing by itself.
 *
 * @param webhookSecret the {@code X-Webhook-Secret} value (WHAPI)
 * @param bearer        the token of {@code Authorization: Bearer <token>} (WHAPI)
 * @param hubSignature  the {@code X-Hub-Signature-256} value (Meta)
 */
public record WhatsAppCredentials(String webhookSecret, String bearer, String hubSignature) {

  private static final String BEARER = "Bearer ";

  /** The token of an {@code Authorization} header value, or null when it is not a Bearer token. */
  public static String bearerToken(String authorization) {
    return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
        ? authorization.substring(BEARER.length()).trim()
        : null;
  }

  /**
   * The provider a refusal names: Meta when the request is signed, else WHAPI. Only the wording of
   * a 401 follows the headers, never whether the request is accepted.
   */
  public Provider claimed() {
    return hubSignature != null ? Provider.META : Provider.WHAPI;
  }

  @Override
  public String toString() {
    return "WhatsAppCredentials[hidden]";
  }
}
