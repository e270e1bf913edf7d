package pe.xofi.chat.conversation.member.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

class SeedCommandTest {

  private static final Map<String, String> ONE_SHOT =
      Map.of(
          "xofi.demo-data.load", "true",
          "xofi.demo-data.exit", "true",
          "spring.kafka.streams.auto-startup", "false",
          "spring.main.web-application-type", "none");

  @Test
  void shouldTurnTheSeedArgumentIntoALoadAndExitRunWithoutStreamsOrWeb() {
    // given
    StandardEnvironment environment = environment("seed");

    // when
    new SeedCommand().postProcessEnvironment(environment, new SpringApplication());

    // then
    assertThat(effective(environment)).isEqualTo(ONE_SHOT);
  }

  @Test
  void shouldStopStreamsAndWebWhenAskedToLoadAndExit() {
    // given
    StandardEnvironment environment = environment("--xofi.demo-data.load=true", "--xofi.demo-data.exit=true");

    // when
    new SeedCommand().postProcessEnvironment(environment, new SpringApplication());

    // then
    assertThat(effective(environment)).isEqualTo(ONE_SHOT);
  }

  @Test
  void shouldLeaveAnOrdinaryStartAlone() {
    // given
    StandardEnvironment environment = environment("--xofi.demo-data.load=true");

    // when
    new SeedCommand().postProcessEnvironment(environment, new SpringApplication());

    // then
    assertThat(environment.getPropertySources().stream().map(PropertySource::getName).toList())
        .doesNotContain("xofiSeedCommand");
    assertThat(effective(environment))
        .isEqualTo(
            Map.of(
                "xofi.demo-data.load", "true",
                "xofi.demo-data.exit", "",
                "spring.kafka.streams.auto-startup", "",
                "spring.main.web-application-type", ""));
  }

  private static StandardEnvironment environment(String... args) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
    return environment;
  }

  private static Map<String, String> effective(StandardEnvironment environment) {
    return Map.of(
        "xofi.demo-data.load", environment.getProperty("xofi.demo-data.load", ""),
        "xofi.demo-data.exit", environment.getProperty("xofi.demo-data.exit", ""),
        "spring.kafka.streams.auto-startup", environment.getProperty("spring.kafka.streams.auto-startup", ""),
        "spring.main.web-application-type", environment.getProperty("spring.main.web-application-type", ""));
  }
}
