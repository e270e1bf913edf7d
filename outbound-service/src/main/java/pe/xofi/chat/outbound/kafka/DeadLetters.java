package pe.xofi.chat.outbound.kafka;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import pe.xofi.chat.schemas.DeadLetterReason;
import pe.xofi.chat.schemas.Topics;

/**
 * Dead-letter publishing for the service's listeners: a record goes to its topic's dead-letter topic
 * ({@link Topics#deadLetterTopicOf}) with its key, with the bytes that arrived when it could not be
 * read (else the value it was read as, written back as JSON), and with {@link DeadLetterReason}
 * headers naming the consumer group; spring-kafka adds its own {@code kafka_dlt-*} headers.
 *
 * @param bytes  template for values that could not be read (String key, raw bytes)
 * @param values template for values that were read (String key, JSON of the value)
 */
public record DeadLetters(KafkaTemplate<String, byte[]> bytes, KafkaTemplate<String, Object> values) {

  /** A recoverer publishing the records of consumer group {@code group} to their dead-letter topics. */
  public DeadLetterPublishingRecoverer recoverer(String group, Clock clock) {
    Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
    templates.put(byte[].class, bytes);
    templates.put(Object.class, values);
    // a negative partition lets the producer pick it from the key, keeping a member's records together
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            templates,
            (record, exception) -> new TopicPartition(Topics.deadLetterTopicOf(record.topic()).name(), -1));
    recoverer.setHeadersFunction(
        (record, exception) ->
            DeadLetterReason.of(exception, record.topic(), record.partition(), record.offset(), group, clock.instant())
                .writeTo(new RecordHeaders()));
    return recoverer;
  }
}
