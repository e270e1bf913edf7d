package pe.xofi.chat.ingress.webhook.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pe.xofi.chat.ingress.webhook.SharedSecret;

/** The Telegram webhook feature: the update splitter and the endpoint's secret. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelegramWebhookProperties.class)
public class TelegramWebhookConfiguration {

  private static final Logger log = LoggerFactory.getLogger(TelegramWebhookConfiguration.class);

  @Bean
  TelegramUpdateSplitter telegramUpdateSplitter(TelegramWebhookProperties properties) {
    if (!SharedSecret.of(properties.webhookSecret()).configured()) {
      log.warn("""

          ************************************************************************
          TELEGRAM_WEBHOOK_SECRET is not set: Telegram updates are accepted WITHOUT
          checking X-Telegram-Bot-Api-Secret-Token, so anyone who knows the URL can
          write as any member. Set it and pass it as secret_token to setWebhook.
          ************************************************************************""");
    }
    return new TelegramUpdateSplitter();
  }
}
