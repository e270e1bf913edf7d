package pe.xofi.chat.conversation.member.demo;

import io.r2dbc.spi.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.ReactiveTransactionManager;

/**
 * With {@code xofi.demo-data.load=true}, loads the demo members into an empty database after Flyway
 * has migrated it and before the Kafka Streams client starts; with {@code xofi.demo-data.exit=true}
 * as well, the process then exits 0 (see {@link SeedCommand}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("xofi.demo-data.load")
class DemoDataConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DemoDataConfiguration.class);

  @Bean
  DemoDataSeeder demoDataSeeder(ConnectionFactory connectionFactory, ReactiveTransactionManager transactionManager) {
    return new DemoDataSeeder(connectionFactory, transactionManager);
  }

  /** Runs once every singleton (Flyway's migration included) exists, before any lifecycle starts. */
  @Bean
  SmartInitializingSingleton demoDataLoader(DemoDataSeeder seeder) {
    return () ->
        seeder
            .seedIfEmpty()
            .ifPresentOrElse(
                counts ->
                    log.info(
                        "Demo data loaded: {} partners, {} loans, {} installments",
                        counts.partners(),
                        counts.loans(),
                        counts.installments()),
                () -> log.info("Demo data not loaded: the database already has partners"));
  }

  @Bean
  @ConditionalOnBooleanProperty("xofi.demo-data.exit")
  ApplicationRunner exitAfterDemoData(ConfigurableApplicationContext context) {
    return arguments -> {
      log.info("Demo data command done, exiting");
      System.exit(SpringApplication.exit(context, () -> 0));
    };
  }
}
