package pe.xofi.chat.ingress.webhook.whapi;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import pe.xofi.chat.ingress.metrics.IngressMetrics;
import pe.xofi.chat.ingress.publish.RecordingPublisher;
import pe.xofi.chat.ingress.web.JsonErrorAttributes;
import pe.xofi.chat.ingress.webhook.auth.WebhookAuthenticationConfiguration;
import pe.xofi.chat.ingress.webhook.telegram.TelegramWebhookConfiguration;

/**
 * The webhook features and their authentication without Kafka: a recording publisher, a fixed clock
 * and in-memory meters. Outside the local profile a test must configure the secrets of the providers
 * it serves.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({
  WhapiWebhookConfiguration.class,
  TelegramWebhookConfiguration.class,
  WebhookAuthenticationConfiguration.class,
  IngressMetrics.class,
  JsonErrorAttributes.class
})
public class WebhookSliceConfiguration {

  /** The instant every test webhook arrives at. */
  public static final Instant RECEIVED = Instant.parse("2026-11-24T10:15:30.123Z");

  @Bean
  RecordingPublisher recordingPublisher() {
    return new RecordingPublisher();
  }

  // the application class declares the production clock too; this one wins
  @Bean
  @Primary
  Clock fixedClock() {
    return Clock.fixed(RECEIVED, ZoneOffset.UTC);
  }

  @Bean
  MeterRegistry meterRegistry() {
    return new SimpleMeterRegistry();
  }
}
