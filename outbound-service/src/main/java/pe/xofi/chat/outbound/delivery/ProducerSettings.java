package pe.xofi.chat.outbound.delivery;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/** Producer settings for records that must not be lost: every replica acks, no duplicates on retry. */
public final class ProducerSettings {

  private ProducerSettings() {}

  /** {@code spring.kafka.producer.*} with {@code acks=all} and idempotence forced on. */
  public static Map<String, Object> reliable(KafkaProperties kafka) {
    Map<String, Object> settings = kafka.buildProducerProperties();
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return settings;
  }
}
