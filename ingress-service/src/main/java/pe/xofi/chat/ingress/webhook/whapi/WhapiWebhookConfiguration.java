package pe.xofi.chat.ingress.webhook.whapi;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pe.xofi.chat.ingress.metrics.IngressMetrics;
import pe.xofi.chat.ingress.publish.RecordPublisher;
import pe.xofi.chat.ingress.webhook.WebhookProperties;

/** The WhatsApp (WHAPI) webhook feature: splitter, intake and the endpoint's secrets and limits. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WhatsAppWebhookProperties.class, WebhookProperties.class})
public class WhapiWebhookConfiguration {

  @Bean
  WhapiWebhookSplitter whapiWebhookSplitter() {
    return new WhapiWebhookSplitter();
  }

  @Bean
  WhapiWebhookIntake whapiWebhookIntake(
      WhapiWebhookSplitter splitter, RecordPublisher publisher, IngressMetrics metrics) {
    return new WhapiWebhookIntake(splitter, publisher, metrics);
  }

}
