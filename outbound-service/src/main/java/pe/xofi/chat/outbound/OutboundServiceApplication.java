package pe.xofi.chat.outbound;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Sends the conversation engine's replies to the members' messaging providers and records the
 * outcome of every attempt on {@code delivery-events}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OutboundServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(OutboundServiceApplication.class, args);
  }
}
