package pe.xofi.chat.ingress.webhook.whapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Secrets of the WhatsApp webhook endpoint; blank means not configured.
 *
 * @param webhookSecret value WHAPI must send in {@code X-Webhook-Secret} or as a Bearer token
 *                      ({@code WHATSAPP_WEBHOOK_SECRET}); when blank WHAPI webhooks are refused
 *                      (or, with XOFI_ALLOW_UNAUTHENTICATED_WEBHOOKS, accepted unchecked)
 * @param verifyToken   Meta's {@code hub.verify_token} for the GET handshake
 *                      ({@code WHATSAPP_WEBHOOK_VERIFY_TOKEN}); when blank every handshake fails
 * @param appSecret     the Meta app secret that keys {@code X-Hub-Signature-256}
 *                      ({@code WHATSAPP_APP_SECRET}); when blank Meta webhooks are refused (or,
 *                      with XOFI_ALLOW_UNAUTHENTICATED_WEBHOOKS, accepted unchecked)
 */
@ConfigurationProperties("xofi.ingress.whatsapp")
public record WhatsAppWebhookProperties(String webhookSecret, String verifyToken, String appSecret) {

  @Override
  public String toString() {
    return "WhatsAppWebhookProperties[secrets hidden]";
  }
}
