package pe.xofi.chat.outbound.media;

import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import pe.xofi.chat.outbound.delivery.ProducerSettings;
import pe.xofi.chat.outbound.kafka.DeadLetters;
import pe.xofi.chat.outbound.kafka.MaskedKeys;
import pe.xofi.chat.outbound.kafka.PipelineConsumers;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.media.MediaDownload;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * Consumption of {@code media-downloads} in its own group: committed records only (the engine
 * writes them in Kafka Streams transactions), transient failures retried in the partition with a
 * bounded exponential back-off, then {@link GiveUpRecoverer} (unreadable requests and bugs also to
 * {@code media-downloads-dlt}); "send it again" replies produced on
 * {@code outbound-messages} with {@code acks=all} and idempotence.
 */
@Configuration(proxyBeanMethods = false)
class MediaKafkaConfiguration {

  static final String CONTAINER_FACTORY = "mediaListenerContainerFactory";
  static final String RESEND_TEMPLATE = "resendReplyTemplate";

  private static final Logger log = LoggerFactory.getLogger(MediaKafkaConfiguration.class);

  @Bean
  ConsumerFactory<String, MediaDownload> mediaConsumerFactory(KafkaProperties kafka) {
    return PipelineConsumers.readCommitted(kafka, Topics.MEDIA_DOWNLOADS);
  }

  @Bean
  DefaultKafkaProducerFactory<String, OutboundMessage> resendReplyProducerFactory(KafkaProperties kafka) {
    return new DefaultKafkaProducerFactory<>(
        ProducerSettings.reliable(kafka),
        Topics.OUTBOUND_MESSAGES.keySerde().serializer(),
        Topics.OUTBOUND_MESSAGES.valueSerde().serializer());
  }

  @Bean(RESEND_TEMPLATE)
  KafkaTemplate<String, OutboundMessage> resendReplyTemplate(
      @Qualifier("resendReplyProducerFactory") DefaultKafkaProducerFactory<String, OutboundMessage> factory) {
    return new KafkaTemplate<>(factory);
  }

  @Bean
  DefaultErrorHandler mediaErrorHandler(ReceiptFileDownloader downloader, MediaProperties properties,
      DeadLetters deadLetters, Clock clock, @Value("${xofi.outbound.media.group-id}") String group) {
    MediaProperties.Retry retry = properties.retry();
    ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxAttempts() - 1);
    backOff.setInitialInterval(retry.initialInterval().toMillis());
    backOff.setMultiplier(retry.multiplier());
    backOff.setMaxInterval(retry.maxInterval().toMillis());
    DefaultErrorHandler handler = new DefaultErrorHandler(new GiveUpRecoverer(downloader, retry.maxAttempts(), deadLetters.recoverer(group, clock)), backOff);
    // only an unavailable provider or database is worth waiting for; anything else gives up at once
    handler.defaultFalse();
    handler.addRetryableExceptions(TransientMediaFailure.class);
    handler.setRetryListeners(new RetryListener() {
      @Override
      public void failedDelivery(ConsumerRecord<?, ?> record, Exception exception, int deliveryAttempt) {
        boolean retryable = MediaFailure.in(exception).orElse(null) instanceof TransientMediaFailure
            && deliveryAttempt < retry.maxAttempts();
        log.warn("media download {} for {} failed on attempt {} of {} ({}): {}", receiptOf(record),
            MaskedKeys.of(record.key()), deliveryAttempt, retry.maxAttempts(), retryable ? "retrying" : "giving up",
            MediaFailure.in(exception).map(Throwable::getMessage).orElseGet(() -> MediaFailure.rootCause(exception)));
      }

      @Override
      public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
        log.error("could not give up on media download {} for {}; it will be retried: {}", receiptOf(record),
            MaskedKeys.of(record.key()), MediaFailure.rootCause(failure));
      }
    });
    return handler;
  }

  @Bean(CONTAINER_FACTORY)
  ConcurrentKafkaListenerContainerFactory<String, MediaDownload> mediaListenerContainerFactory(
      ConsumerFactory<String, MediaDownload> mediaConsumerFactory,
      DefaultErrorHandler mediaErrorHandler,
      KafkaProperties kafka) {
    ConcurrentKafkaListenerContainerFactory<String, MediaDownload> factory =
        new ConcurrentKafkaListenerContainerFactory<>();
    factory.setConsumerFactory(mediaConsumerFactory);
    factory.setCommonErrorHandler(mediaErrorHandler);
    if (kafka.getListener().getConcurrency() != null) {
      factory.setConcurrency(kafka.getListener().getConcurrency());
    }
    return factory;
  }

  private static String receiptOf(ConsumerRecord<?, ?> record) {
    return record.value() instanceof MediaDownload download ? download.receiptId() : "(unreadable)";
  }
}
