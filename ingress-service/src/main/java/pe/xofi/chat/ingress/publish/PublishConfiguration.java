package pe.xofi.chat.ingress.publish;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import pe.xofi.chat.ingress.metrics.IngressMetrics;
import pe.xofi.chat.membercrypto.EnvelopeSealer;
import pe.xofi.chat.membercrypto.MemberCryptoProperties;
import reactor.core.scheduler.Schedulers;

/** The Kafka side of the ingress: one idempotent {@code acks=all} producer shared by all webhooks. */
@Configuration(proxyBeanMethods = false)
public class PublishConfiguration {

  /**
   * Producer settings from {@code spring.kafka.*}, except the two the "never lose an acknowledged
   * webhook" guarantee rests on, which configuration cannot weaken.
   */
  @Bean
  ProducerFactory<byte[], byte[]> ingressProducerFactory(KafkaProperties kafka) {
    Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // the registry's serdes serialize in PendingRecord; the producer only moves bytes
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new DefaultKafkaProducerFactory<>(config);
  }

  @Bean
  KafkaTemplate<byte[], byte[]> ingressKafkaTemplate(ProducerFactory<byte[], byte[]> factory) {
    return new KafkaTemplate<>(factory);
  }

  @Bean
  RecordPublisher recordPublisher(
      KafkaTemplate<byte[], byte[]> template,
      ProducerFactory<byte[], byte[]> factory,
      PublishProperties properties,
      IngressMetrics metrics,
      EnvelopeSealer sealer,
      MemberCryptoProperties memberCrypto) {
    KafkaRecordPublisher kafka = new KafkaRecordPublisher(
        template, Schedulers.boundedElastic(), properties.timeout(), metrics,
        maxRecordBytes(factory.getConfigurationProperties()));
    return new SealingRecordPublisher(kafka, sealer, Schedulers.boundedElastic(), memberCrypto.timeout());
  }

  /**
   * The largest record the producer sends, as {@code KafkaProducer} checks it: {@code
   * max.request.size}, and never more than {@code buffer.memory}.
   */
  static int maxRecordBytes(Map<String, Object> config) {
    long request =
        number(config.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), KafkaRecordPublisher.DEFAULT_MAX_RECORD_BYTES);
    long memory = number(config.get(ProducerConfig.BUFFER_MEMORY_CONFIG), 32L * 1024 * 1024);
    return (int) Math.min(Math.min(request, memory), Integer.MAX_VALUE);
  }

  private static long number(Object value, long byDefault) {
    return switch (value) {
      case Number number -> number.longValue();
      case String text when !text.isBlank() -> Long.parseLong(text.trim());
      case null, default -> byDefault;
    };
  }
}
