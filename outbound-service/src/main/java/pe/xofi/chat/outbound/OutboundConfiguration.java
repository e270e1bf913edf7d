package pe.xofi.chat.outbound;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shared infrastructure beans of the outbound service. */
@Configuration(proxyBeanMethods = false)
class OutboundConfiguration {

  /** Attempt and event times come from one clock so tests can fix it. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }
}
