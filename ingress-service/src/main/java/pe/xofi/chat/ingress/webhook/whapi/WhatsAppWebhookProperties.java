package pe.xofi.chat.ingress.webhook.whapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Secrets of the WhatsApp webhook endpoint; blank means not configured.
 *
 * @param webhookSecret value WHAPI must send in {@code X-Webhook-Secret} or as a Bearer token
 *                      ({@code WHATSAPP_WEBHOOK_SECRET}); when blank every POST is accepted
 * @param verifyToken   Meta's {@code hub.verify_token} for the GET handshake
 *                      ({@code WHATSAPP_WEBHOOK_VERIFY_TOKEN}); when blank every handshake fails
 */
@ConfigurationProperties("xofi.ingress.whatsapp")
public record WhatsAppWebhookProperties(String webhookSecret, String verifyToken) {

  @Override
  public String toString() {
    return "WhatsAppWebhookProperties[secrets hidden]";
  }
}
