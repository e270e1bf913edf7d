package pe.xofi.chat.outbound.status;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import pe.xofi.chat.outbound.dedupe.SentLedger;

/** Runs the overdue delivery check every {@code xofi.outbound.delivery.check-period}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OverdueCheckConfiguration {

  @Bean
  OverdueDeliveryCheck overdueDeliveryCheck(SentLedger ledger, StatusMetrics metrics, StatusProperties properties,
      Clock clock) {
    return new OverdueDeliveryCheck(ledger, metrics, properties, clock);
  }

  @Bean
  SchedulingConfigurer overdueCheckSchedule(OverdueDeliveryCheck check, StatusProperties properties) {
    return registrar -> registrar.addFixedDelayTask(check, properties.checkPeriod());
  }
}
