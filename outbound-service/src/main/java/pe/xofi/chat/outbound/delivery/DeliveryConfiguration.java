package pe.xofi.chat.outbound.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.delivery.DeliveryEvent;

/** The producer of {@code delivery-events}, with the registry's serdes, and the meters. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

  @Bean
  DefaultKafkaProducerFactory<String, DeliveryEvent> deliveryEventProducerFactory(KafkaProperties kafka) {
    return new DefaultKafkaProducerFactory<>(
        ProducerSettings.reliable(kafka),
        Topics.DELIVERY_EVENTS.keySerde().serializer(),
        Topics.DELIVERY_EVENTS.valueSerde().serializer());
  }

  @Bean
  KafkaTemplate<String, DeliveryEvent> deliveryEventTemplate(
      DefaultKafkaProducerFactory<String, DeliveryEvent> deliveryEventProducerFactory) {
    return new KafkaTemplate<>(deliveryEventProducerFactory);
  }

  @Bean
  DeliveryMetrics deliveryMetrics(MeterRegistry registry) {
    return new DeliveryMetrics(registry);
  }

  @Bean
  DeliveryRecorder deliveryRecorder(
      KafkaTemplate<String, DeliveryEvent> deliveryEventTemplate, DeliveryMetrics metrics, Clock clock) {
    return new DeliveryRecorder(deliveryEventTemplate, metrics, clock);
  }
}
