package pe.xofi.chat.outbound.dedupe;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The sent-reply ledger on the service's R2DBC pool. */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

  @Bean
  SentLedger sentLedger(DatabaseClient db, @Value("${xofi.outbound.ledger.timeout:5s}") Duration timeout) {
    return new SentLedger(db, timeout);
  }
}
