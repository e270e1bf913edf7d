package pe.xofi.chat.ingress;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The ingress: turns provider webhooks into Kafka records and acknowledges only what Kafka holds. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngressApplication {

  public static void main(String[] args) {
    SpringApplication.run(IngressApplication.class, args);
  }

  /** The clock that stamps received-at, the conversation engine's "now"; tests replace it. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
