package pe.xofi.chat.outbound.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import pe.xofi.chat.outbound.delivery.AttemptLog;
import pe.xofi.chat.outbound.delivery.DeliveryRecorder;
import pe.xofi.chat.outbound.delivery.ProducerSettings;
import pe.xofi.chat.outbound.limit.LimitProperties;
import pe.xofi.chat.outbound.limit.PartitionShare;
import pe.xofi.chat.outbound.limit.SendLimiter;
import pe.xofi.chat.outbound.send.TransientSendFailure;
import pe.xofi.chat.schemas.JsonSerde;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * Consumption of {@code outbound-messages}: committed records only (the engine writes them in
 * Kafka Streams transactions), each reply acknowledged by the listener once it is sent or
 * dead-lettered and the acknowledgements of a poll committed together (waits and retries are the
 * listener's negative acknowledgements), and {@code
 * outbound-messages-dlt} with spring-kafka's exception headers plus {@code xofi-dlt-*}. The error
 * handler catches only what the listener does not: unreadable values and bugs go to the DLT.
 */
@Configuration(proxyBeanMethods = false)
class OutboundKafkaConfiguration {

  static final String CONTAINER_FACTORY = "outboundListenerContainerFactory";

  /** How long one poll may block; also how late a paused partition may resume. */
  static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

  @Bean
  ConsumerFactory<String, OutboundMessage> outboundConsumerFactory(KafkaProperties kafka, MeterRegistry registry) {
    DefaultKafkaConsumerFactory<String, OutboundMessage> factory = PipelineConsumers.readCommitted(kafka, Topics.OUTBOUND_MESSAGES);
    // the consumers' own metrics, records-lag among them, on /actuator/prometheus
    factory.addListener(new MicrometerConsumerListener<>(registry));
    return factory;
  }

  @Bean
  DefaultKafkaProducerFactory<String, OutboundMessage> deadLetterProducerFactory(KafkaProperties kafka) {
    return new DefaultKafkaProducerFactory<>(
        ProducerSettings.reliable(kafka),
        Topics.OUTBOUND_MESSAGES_DLT.keySerde().serializer(),
        Topics.OUTBOUND_MESSAGES_DLT.valueSerde().serializer());
  }

  /** Values that could not be read are dead-lettered as the bytes that arrived. */
  @Bean
  DefaultKafkaProducerFactory<String, byte[]> unreadableDeadLetterProducerFactory(KafkaProperties kafka) {
    return new DefaultKafkaProducerFactory<>(
        ProducerSettings.reliable(kafka),
        Topics.OUTBOUND_MESSAGES_DLT.keySerde().serializer(),
        new ByteArraySerializer());
  }

  /** Values of any type, written back as JSON, for the other listeners' dead letters. */
  @Bean
  DefaultKafkaProducerFactory<String, Object> anyValueDeadLetterProducerFactory(KafkaProperties kafka) {
    return new DefaultKafkaProducerFactory<>(
        ProducerSettings.reliable(kafka), Topics.OUTBOUND_MESSAGES_DLT.keySerde().serializer(), new JsonSerde<>(Object.class));
  }

  @Bean
  DeadLetters deadLetters(
      DefaultKafkaProducerFactory<String, byte[]> unreadableDeadLetterProducerFactory,
      DefaultKafkaProducerFactory<String, Object> anyValueDeadLetterProducerFactory) {
    return new DeadLetters(
        new KafkaTemplate<>(unreadableDeadLetterProducerFactory), new KafkaTemplate<>(anyValueDeadLetterProducerFactory));
  }

  @Bean
  DeadLetterPublishingRecoverer deadLetterRecoverer(
      DefaultKafkaProducerFactory<String, OutboundMessage> deadLetterProducerFactory,
      DefaultKafkaProducerFactory<String, byte[]> unreadableDeadLetterProducerFactory,
      AttemptLog attempts, Clock clock, KafkaProperties kafka) {
    Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
    templates.put(OutboundMessage.class, new KafkaTemplate<>(deadLetterProducerFactory));
    templates.put(byte[].class, new KafkaTemplate<>(unreadableDeadLetterProducerFactory));
    // a negative partition lets the producer pick it from the key, keeping a member's replies together
    DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates,
        (record, exception) -> new TopicPartition(Topics.OUTBOUND_MESSAGES_DLT.name(), -1));
    recoverer.setHeadersFunction(new DeadLetterHeadersFunction(attempts, clock, kafka.getConsumer().getGroupId()));
    return recoverer;
  }

  @Bean
  DefaultErrorHandler outboundErrorHandler(
      DeadLetterPublishingRecoverer deadLetterRecoverer, RetryProperties retry,
      DeliveryRecorder deliveries, AttemptLog attempts, Clock clock) {
    ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxAttempts() - 1);
    backOff.setInitialInterval(retry.initialInterval().toMillis());
    backOff.setMultiplier(retry.multiplier());
    backOff.setMaxInterval(retry.maxInterval().toMillis());
    DefaultErrorHandler handler = new DefaultErrorHandler(deadLetterRecoverer, backOff);
    // only a provider that may recover is worth waiting for; a refusal or a bug goes straight to the DLT
    handler.defaultFalse();
    handler.addRetryableExceptions(TransientSendFailure.class);
    handler.setRetryListeners(new DeliveryRetryListener(deliveries, attempts, retry, clock));
    return handler;
  }

  @Bean(CONTAINER_FACTORY)
  ConcurrentKafkaListenerContainerFactory<String, OutboundMessage> outboundListenerContainerFactory(
      ConsumerFactory<String, OutboundMessage> outboundConsumerFactory,
      DefaultErrorHandler outboundErrorHandler,
      KafkaProperties kafka,
      SendLimiter limiter,
      LimitProperties limits) {
    ConcurrentKafkaListenerContainerFactory<String, OutboundMessage> factory =
        new ConcurrentKafkaListenerContainerFactory<>();
    factory.setConsumerFactory(outboundConsumerFactory);
    factory.setCommonErrorHandler(outboundErrorHandler);
    // the replies acknowledged in one poll are committed together after it (and before a nack's seek or a
    // revocation): a commit per reply cost a broker round trip and an offsets write each, a fifth of the
    // CPU per reply; a reply redelivered after a crash is in the ledger and is not sent again
    factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
    // a partition paused by a nack resumes only between polls: short polls keep waits close to asked
    factory.getContainerProperties().setPollTimeout(POLL_TIMEOUT.toMillis());
    if (limits.shareByPartition()) {
      factory.getContainerProperties().setConsumerRebalanceListener(new PartitionShare(limiter));
    }
    if (kafka.getListener().getConcurrency() != null) {
      factory.setConcurrency(kafka.getListener().getConcurrency());
    }
    return factory;
  }
}
