package pe.xofi.chat.conversation.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import pe.xofi.chat.conversation.member.MemberDataUnavailableException;
import pe.xofi.chat.schemas.DeadLetterReason;
import pe.xofi.chat.schemas.Topics;

/**
 * The transcript projector's failures, each named by the batch listener as the record it failed at
 * ({@code BatchListenerFailedException}; the records before it are written and committed): a
 * member-data outage is retried from that record every {@link #OUTAGE_RETRY} for as long as
 * it lasts (the transcript waits, it never loses a line); any other failure (a record that cannot be
 * read, a row the database refuses) sends that record unchanged to its topic's dead-letter topic with
 * {@link DeadLetterReason} headers, and the records after it are delivered again.
 */
final class ProjectorErrorHandling {

  /** Wait between attempts while the member database is unavailable. */
  static final Duration OUTAGE_RETRY = Duration.ofSeconds(2);

  private static final Logger log = LoggerFactory.getLogger(ProjectorErrorHandling.class);

  private ProjectorErrorHandling() {}

  /** The error handler of the projector's container, consumer group {@code groupId}, retrying outages every {@code outageRetry}. */
  static DefaultErrorHandler errorHandler(KafkaProperties kafka, String groupId, Clock clock, Duration outageRetry) {
    Map<String, Object> settings = kafka.buildProducerProperties();
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    KafkaTemplate<String, byte[]> template =
        new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(settings, new StringSerializer(), new ByteArraySerializer()));
    // a negative partition lets the producer pick it from the key, as the source topic did
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            template, (record, exception) -> new TopicPartition(Topics.deadLetterTopicOf(record.topic()).name(), -1));
    recoverer.setHeadersFunction(
        (record, exception) -> {
          DeadLetterReason reason =
              DeadLetterReason.of(exception, record.topic(), record.partition(), record.offset(), groupId, clock.instant());
          log.warn(
              "transcript projector dead-lettered {}-{}@{}: {}",
              record.topic(),
              record.partition(),
              record.offset(),
              reason.exception());
          return reason.writeTo(new RecordHeaders());
        });
    DefaultErrorHandler handler =
        new DefaultErrorHandler(recoverer, new FixedBackOff(outageRetry.toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS));
    // set as classifications, which (unlike defaultFalse) reach the handler for a whole failed batch too
    handler.setClassifications(Map.of(MemberDataUnavailableException.class, true), false);
    return handler;
  }
}
