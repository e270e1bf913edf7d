package pe.xofi.chat.ingress.webhook.whapi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pe.xofi.chat.ingress.metrics.IngressMetrics;
import pe.xofi.chat.ingress.publish.RecordPublisher;
import pe.xofi.chat.ingress.webhook.WebhookIntake;
import pe.xofi.chat.ingress.webhook.WebhookProperties;
import pe.xofi.chat.ingress.webhook.meta.MetaWebhookSplitter;

/**
 * The WhatsApp webhook feature (WHAPI and Meta Cloud API on one endpoint): splitters and intake; the
 * endpoint's secrets are checked by webhook authentication.
 */
@Configuration(proxyBeanMethods = false)
public class WhapiWebhookConfiguration {

  @Bean
  WhapiWebhookSplitter whapiWebhookSplitter() {
    return new WhapiWebhookSplitter();
  }

  @Bean
  MetaWebhookSplitter metaWebhookSplitter() {
    return new MetaWebhookSplitter();
  }

  @Bean
  WebhookIntake webhookIntake(RecordPublisher publisher, IngressMetrics metrics, WebhookProperties limits) {
    return new WebhookIntake(publisher, metrics, limits.maxMessages());
  }
}
