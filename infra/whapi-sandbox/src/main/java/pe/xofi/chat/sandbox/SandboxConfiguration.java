package pe.xofi.chat.sandbox;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shared infrastructure beans of the sandbox. */
@Configuration(proxyBeanMethods = false)
class SandboxConfiguration {

  /** WHAPI timestamps are the wall clock in epoch seconds; tests may replace the clock. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }
}
