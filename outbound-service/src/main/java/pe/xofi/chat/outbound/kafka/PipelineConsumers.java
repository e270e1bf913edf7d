package pe.xofi.chat.outbound.kafka;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import pe.xofi.chat.schemas.Topic;

/**
 * The consumers of this service's topics: committed records only (the engine writes in
 * transactions, so an aborted reply or request never reaches a member), offsets committed by the
 * container, and a value that cannot be read handed to the error handler (its dead-letter topic)
 * instead of stopping the partition.
 */
public final class PipelineConsumers {

  private PipelineConsumers() {}

  /** A consumer factory for {@code topic} with the settings above over the Spring Kafka properties. */
  public static <V> DefaultKafkaConsumerFactory<String, V> readCommitted(KafkaProperties kafka, Topic<String, V> topic) {
    Map<String, Object> settings = kafka.buildConsumerProperties();
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new DefaultKafkaConsumerFactory<>(
        settings, topic.keySerde().deserializer(), new ErrorHandlingDeserializer<>(topic.valueSerde().deserializer()));
  }
}
