package pe.xofi.chat.outbound.provider.telegram;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How to reach the Telegram Bot API.
 *
 * @param baseUrl the API root ({@code TELEGRAM_API_BASE_URL}, default {@code https://api.telegram.org})
 * @param token   the bot token from BotFather ({@code TELEGRAM_BOT_TOKEN}); it is part of every path
 * @param timeout how long one call may take before it counts as transient
 */
@ConfigurationProperties("xofi.outbound.telegram")
public record TelegramProperties(URI baseUrl, String token, Duration timeout) {

  public boolean configured() {
    return token != null && !token.isBlank();
  }

  @Override
  public String toString() {
    return "TelegramProperties[baseUrl=" + baseUrl + ", token hidden]";
  }
}
