package pe.xofi.chat.outbound.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Fixes the service's clock so that delivery events compare as whole values. */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClock {

  public static final Instant NOW = Instant.parse("2025-01-15T15:00:05Z");

  @Bean
  @Primary
  Clock fixedClock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }
}
