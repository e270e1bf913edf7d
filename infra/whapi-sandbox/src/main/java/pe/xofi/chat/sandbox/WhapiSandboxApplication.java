package pe.xofi.chat.sandbox;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.PropertySource;

/**
 * A fake WHAPI for local runs and tests: it accepts sends like {@code gate.whapi.cloud}, keeps them
 * in an outbox, and turns a person's typing on the chat page into WHAPI webhooks for the ingress.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
// Defaults live in a named file, not application.yml, so they also apply when another module's
// tests start the sandbox in-process next to their own application.yml.
@PropertySource("classpath:whapi-sandbox.properties")
public class WhapiSandboxApplication {

  public static void main(String[] args) {
    builder().run(args);
  }

  /**
   * The sandbox application, isolated from the host's {@code application.yml} when started
   * in-process by another module's tests: {@code builder().run("--server.port=0")}.
   */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(WhapiSandboxApplication.class)
        .properties("spring.config.name=whapi-sandbox");
  }
}
