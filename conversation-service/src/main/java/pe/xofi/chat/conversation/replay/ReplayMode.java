package pe.xofi.chat.conversation.replay;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code java -jar conversation-service-exec.jar replay --phone …} runs the replay instead of the
 * service: no Kafka Streams client, no web server, no migration, no demo data, no projector and no
 * lag exporter, and quiet logs so stdout holds only the transcript.
 */
public final class ReplayMode implements EnvironmentPostProcessor {

  static final String ARGUMENT = "replay";
  static final String ENABLED = "xofi.replay.enabled";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String nonOptionArgs = environment.getProperty("nonOptionArgs", "");
    if (!nonOptionArgs.startsWith(ARGUMENT + ",") && !nonOptionArgs.equals(ARGUMENT)) {
      return;
    }
    Map<String, Object> mode = new LinkedHashMap<>();
    mode.put(ENABLED, "true");
    mode.put("xofi.demo-data.load", "false");
    mode.put("xofi.ops.projector.enabled", "false");
    mode.put("xofi.kafka-lag.enabled", "false");
    mode.put("spring.flyway.enabled", "false");
    // an operator without XOFI_DATA_KEYSET may replay: sealed records then show [cifrado]
    mode.put("xofi.member-crypto.required", "false");
    mode.put("spring.kafka.streams.auto-startup", "false");
    mode.put("spring.main.web-application-type", "none");
    mode.put("spring.main.banner-mode", "off");
    mode.put("spring.main.log-startup-info", "false");
    mode.put("logging.level.root", "ERROR");
    environment.getPropertySources().addFirst(new MapPropertySource("xofiReplayMode", mode));
  }
}
