package pe.xofi.chat.ingress.publish;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import pe.xofi.chat.schemas.Topics;

/**
 * Connects the producer and fetches the metadata of the topics the ingress writes as soon as the
 * service is up, so the first webhook after a start does not pay for it (about 0.5 s measured).
 * A broker that is down is not an error here: webhooks then get 503 until it is back.
 */
@Component
class ProducerWarmUp {

  private static final Logger log = LoggerFactory.getLogger(ProducerWarmUp.class);

  private final KafkaTemplate<byte[], byte[]> template;

  ProducerWarmUp(KafkaTemplate<byte[], byte[]> template) {
    this.template = template;
  }

  @EventListener(ApplicationReadyEvent.class)
  void fetchMetadata() {
    for (String topic : List.of(Topics.INBOUND_MESSAGES.name(), Topics.PROVIDER_STATUSES.name())) {
      try {
        template.partitionsFor(topic);
      } catch (RuntimeException e) {
        log.warn("Kafka metadata of {} not available at start ({}); webhooks get 503 until it is", topic, e.getClass().getSimpleName());
        return;
      }
    }
  }
}
