package pe.xofi.chat.outbound.media;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import pe.xofi.chat.membercrypto.EnvelopeSealer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * The media download stage: receipts in PostgreSQL (R2DBC, conversation-service's schema, no
 * migrations run here), one fetcher per provider, "send it again" replies and meters.
 */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

  @Bean
  ReceiptRepository receiptRepository(
      DatabaseClient db, ReactiveTransactionManager transactions, MediaProperties properties) {
    return new ReceiptRepository(db, TransactionalOperator.create(transactions), properties.databaseTimeout());
  }

  @Bean
  MediaFetchers mediaFetchers(List<MediaFetcher> fetchers) {
    return new MediaFetchers(fetchers);
  }

  @Bean
  MediaMetrics mediaMetrics(MeterRegistry registry) {
    return new MediaMetrics(registry);
  }

  @Bean
  ResendReplies resendReplies(
      @Qualifier(MediaKafkaConfiguration.RESEND_TEMPLATE) KafkaTemplate<String, OutboundMessage> template,
      EnvelopeSealer sealer) {
    return new ResendReplies(template, sealer);
  }

  @Bean
  ReceiptFileDownloader receiptFileDownloader(ReceiptRepository receipts, MediaFetchers fetchers,
      ResendReplies replies, MediaMetrics metrics, Clock clock, MediaProperties properties) {
    return new ReceiptFileDownloader(receipts, fetchers, replies, metrics, clock, properties.maxBytes());
  }
}
