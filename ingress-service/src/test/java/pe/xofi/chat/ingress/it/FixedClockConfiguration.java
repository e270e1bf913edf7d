package pe.xofi.chat.ingress.it;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Pins the ingress clock so envelopes can be compared whole. */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClockConfiguration {

  /** The instant every webhook of an integration test arrives at. */
  public static final Instant RECEIVED = Instant.parse("2026-11-24T10:15:30.123Z");

  @Bean
  @Primary
  Clock fixedClock() {
    return Clock.fixed(RECEIVED, ZoneOffset.UTC);
  }
}
