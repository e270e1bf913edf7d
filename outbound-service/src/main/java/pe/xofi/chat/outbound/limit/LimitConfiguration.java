package pe.xofi.chat.outbound.limit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The send limiter, the scheduler that returns its window permits, and its metrics. */
@Configuration(proxyBeanMethods = false)
class LimitConfiguration {

  /** One daemon thread: returning a permit is a semaphore release, nothing more. */
  @Bean(destroyMethod = "dispose")
  Scheduler sendWindowScheduler() {
    return Schedulers.newSingle("send-window", true);
  }

  @Bean
  SendLimiter sendLimiter(LimitProperties properties, MeterRegistry registry, Scheduler sendWindowScheduler) {
    return new SendLimiter(properties, new LimitMetrics(registry), sendWindowScheduler);
  }
}
