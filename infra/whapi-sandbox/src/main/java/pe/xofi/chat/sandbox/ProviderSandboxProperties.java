package pe.xofi.chat.sandbox;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sandbox's Meta Cloud API and Telegram Bot API faces.
 *
 * @param metaPhoneNumberId  the phone number id Meta sends are addressed to ({@code WHATSAPP_PHONE_NUMBER_ID})
 * @param appSecret          signs Meta webhooks with {@code X-Hub-Signature-256} when not blank ({@code WHATSAPP_APP_SECRET})
 * @param telegramToken      the bot token Telegram calls must carry in their path ({@code TELEGRAM_BOT_TOKEN}); blank refuses every call
 * @param telegramSecret     sent as {@code X-Telegram-Bot-Api-Secret-Token} when not blank ({@code TELEGRAM_WEBHOOK_SECRET})
 * @param telegramIngressUrl where Telegram updates are posted ({@code SANDBOX_TELEGRAM_INGRESS_URL})
 */
@ConfigurationProperties("sandbox.providers")
public record ProviderSandboxProperties(
    String metaPhoneNumberId, String appSecret, String telegramToken, String telegramSecret, URI telegramIngressUrl) {

  public boolean signsMetaWebhooks() {
    return appSecret != null && !appSecret.isBlank();
  }

  public boolean hasTelegramSecret() {
    return telegramSecret != null && !telegramSecret.isBlank();
  }

  /** Whether {@code given} is the bot token; nothing is when none is configured. */
  public boolean acceptsTelegramToken(String given) {
    return SandboxProperties.matches(telegramToken, given);
  }
}
