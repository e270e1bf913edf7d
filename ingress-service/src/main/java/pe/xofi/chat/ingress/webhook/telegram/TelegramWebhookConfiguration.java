package pe.xofi.chat.ingress.webhook.telegram;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Telegram webhook feature: the update splitter (its secret is checked by webhook authentication). */
@Configuration(proxyBeanMethods = false)
public class TelegramWebhookConfiguration {

  @Bean
  TelegramUpdateSplitter telegramUpdateSplitter() {
    return new TelegramUpdateSplitter();
  }
}
