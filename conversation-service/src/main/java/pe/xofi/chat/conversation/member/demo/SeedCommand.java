package pe.xofi.chat.conversation.member.demo;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The one-shot seed command: {@code java -jar conversation-service-exec.jar seed} (or {@code
 * --xofi.demo-data.load=true --xofi.demo-data.exit=true}) migrates the database, loads the demo data
 * into it if it is empty and exits, with neither the Kafka Streams client nor the web server started.
 */
public final class SeedCommand implements EnvironmentPostProcessor {

  static final String ARGUMENT = "seed";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String nonOptionArgs = environment.getProperty("nonOptionArgs", "");
    boolean seedArgument = Arrays.asList(nonOptionArgs.split(",")).contains(ARGUMENT);
    boolean exitAfterLoad =
        environment.getProperty("xofi.demo-data.load", Boolean.class, false)
            && environment.getProperty("xofi.demo-data.exit", Boolean.class, false);
    if (!seedArgument && !exitAfterLoad) {
      return;
    }
    Map<String, Object> command = new LinkedHashMap<>();
    command.put("xofi.demo-data.load", "true");
    command.put("xofi.demo-data.exit", "true");
    command.put("spring.kafka.streams.auto-startup", "false");
    command.put("spring.main.web-application-type", "none");
    // loading members seals and opens nothing: no XOFI_DATA_KEYSET needed
    command.put("xofi.member-crypto.required", "false");
    environment.getPropertySources().addFirst(new MapPropertySource("xofiSeedCommand", command));
  }
}
