package pe.xofi.chat.outbound.limit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The send limiter and its metrics. */
@Configuration(proxyBeanMethods = false)
class LimitConfiguration {

  @Bean
  SendLimiter sendLimiter(LimitProperties properties, MeterRegistry registry) {
    return new SendLimiter(properties, new LimitMetrics(registry));
  }
}
