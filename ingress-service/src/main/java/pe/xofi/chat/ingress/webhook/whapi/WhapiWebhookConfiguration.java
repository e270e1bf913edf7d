package pe.xofi.chat.ingress.webhook.whapi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pe.xofi.chat.ingress.metrics.IngressMetrics;
import pe.xofi.chat.ingress.publish.RecordPublisher;
import pe.xofi.chat.ingress.webhook.WebhookIntake;
import pe.xofi.chat.ingress.webhook.WebhookProperties;
import pe.xofi.chat.ingress.webhook.meta.MetaWebhookSplitter;

/**
 * The WhatsApp webhook feature (WHAPI and Meta Cloud API on one endpoint): splitters, intake and the
 * endpoint's secrets and limits.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WhatsAppWebhookProperties.class, WebhookProperties.class})
public class WhapiWebhookConfiguration {

  private static final Logger log = LoggerFactory.getLogger(WhapiWebhookConfiguration.class);

  @Bean
  WhapiWebhookSplitter whapiWebhookSplitter() {
    return new WhapiWebhookSplitter();
  }

  @Bean
  MetaWebhookSplitter metaWebhookSplitter(WhatsAppWebhookProperties properties) {
    if (!properties.hasAppSecret()) {
      // the endpoint still starts so local stacks come up, but anyone can forge a Meta webhook
      log.warn("""

          ************************************************************************
          WHATSAPP_APP_SECRET is not set: Meta webhooks are accepted WITHOUT checking
          X-Hub-Signature-256, so anyone who knows the URL can write as any member.
          Set it to the Meta app secret before exposing this endpoint.
          ************************************************************************""");
    }
    return new MetaWebhookSplitter();
  }

  @Bean
  WebhookIntake webhookIntake(RecordPublisher publisher, IngressMetrics metrics, WebhookProperties limits) {
    return new WebhookIntake(publisher, metrics, limits.maxMessages());
  }
}
