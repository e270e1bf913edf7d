package pe.xofi.chat.ingress.webhook.telegram;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Secret of the Telegram webhook endpoint.
 *
 * @param webhookSecret the {@code secret_token} given to setWebhook, which Telegram sends in
 *                      {@code X-Telegram-Bot-Api-Secret-Token} ({@code TELEGRAM_WEBHOOK_SECRET});
 *                      when blank every update is refused (or, with
 *                      XOFI_ALLOW_UNAUTHENTICATED_WEBHOOKS, accepted unchecked)
 */
@ConfigurationProperties("xofi.ingress.telegram")
public record TelegramWebhookProperties(String webhookSecret) {

  @Override
  public String toString() {
    return "TelegramWebhookProperties[secret hidden]";
  }
}
