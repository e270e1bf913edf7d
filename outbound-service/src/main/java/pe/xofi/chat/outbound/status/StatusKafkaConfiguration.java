package pe.xofi.chat.outbound.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import pe.xofi.chat.outbound.dedupe.SentLedger;
import pe.xofi.chat.outbound.delivery.DeliveryMetrics;
import pe.xofi.chat.outbound.kafka.DeadLetters;
import pe.xofi.chat.outbound.kafka.MaskedKeys;
import pe.xofi.chat.outbound.kafka.PipelineConsumers;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.delivery.DeliveryEvent;
import pe.xofi.chat.schemas.status.ProviderStatus;

/**
 * Consumption of {@code provider-statuses} in its own group: committed records only, a failure
 * (ledger or broker unavailable) retried in the partition with a bounded back-off, then moved to
 * {@code provider-statuses-dlt} ({@link DeadLetters}) and logged without the record's value (it
 * quotes the recipient); a status that cannot be read, or that fails as a bug does, goes there at
 * once.
 */
@Configuration(proxyBeanMethods = false)
class StatusKafkaConfiguration {

  static final String CONTAINER_FACTORY = "statusListenerContainerFactory";

  /** Back-off of a failed status: 1, 2, 4, 8, 16, 30, 30 ... s, 10 retries (about 3 minutes). */
  private static final int MAX_RETRIES = 10;

  private static final Logger log = LoggerFactory.getLogger(StatusKafkaConfiguration.class);

  @Bean
  ConsumerFactory<String, ProviderStatus> statusConsumerFactory(KafkaProperties kafka) {
    return PipelineConsumers.readCommitted(kafka, Topics.PROVIDER_STATUSES);
  }

  @Bean
  DefaultErrorHandler statusErrorHandler(
      DeadLetters deadLetters, Clock clock, @Value("${xofi.outbound.delivery.group-id}") String group) {
    ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(MAX_RETRIES);
    backOff.setInitialInterval(1_000);
    backOff.setMultiplier(2.0);
    backOff.setMaxInterval(30_000);
    DeadLetterPublishingRecoverer toDeadLetters = deadLetters.recoverer(group, clock);
    DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
      toDeadLetters.accept(record, exception);
      log.error("gave up on provider status {}-{}@{} of {}: {}, moved to {}", record.topic(), record.partition(),
          record.offset(), MaskedKeys.of(record.key()), rootCause(exception), Topics.PROVIDER_STATUSES_DLT);
    }, backOff);
    // a status no code path accepts fails the same way every time: only outages are worth waiting for
    handler.addNotRetryableExceptions(
        IllegalArgumentException.class, IllegalStateException.class, NullPointerException.class,
        SerializationException.class);
    return handler;
  }

  @Bean(CONTAINER_FACTORY)
  ConcurrentKafkaListenerContainerFactory<String, ProviderStatus> statusListenerContainerFactory(
      ConsumerFactory<String, ProviderStatus> statusConsumerFactory, DefaultErrorHandler statusErrorHandler) {
    ConcurrentKafkaListenerContainerFactory<String, ProviderStatus> factory =
        new ConcurrentKafkaListenerContainerFactory<>();
    factory.setConsumerFactory(statusConsumerFactory);
    factory.setCommonErrorHandler(statusErrorHandler);
    return factory;
  }

  @Bean
  StatusMetrics statusMetrics(MeterRegistry registry) {
    return new StatusMetrics(registry);
  }

  @Bean
  StatusReconciler statusReconciler(SentLedger ledger, KafkaTemplate<String, DeliveryEvent> deliveryEventTemplate,
      DeliveryMetrics deliveries, Clock clock) {
    return new StatusReconciler(ledger, new StatusEvents(deliveryEventTemplate), deliveries, clock);
  }

  /** The innermost cause's class: its message may quote the record. */
  private static String rootCause(Throwable exception) {
    Throwable root = exception;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName();
  }
}
