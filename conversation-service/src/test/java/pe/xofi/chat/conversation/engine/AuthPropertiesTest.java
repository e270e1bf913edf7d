package pe.xofi.chat.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import pe.xofi.chat.conversation.engine.auth.AuthPolicy;
import pe.xofi.chat.conversation.engine.auth.PhoneBinding;

class AuthPropertiesTest {

  @Test
  void shouldDefaultToTenFailuresADaySixtyMinuteSessionsAndAWarningForOtherNumbers() {
    // given
    Binder binder = new Binder(new MapConfigurationPropertySource(Map.of()));

    // when
    AuthPolicy policy = binder.bindOrCreate("xofi.auth", AuthProperties.class).policy();

    // then
    assertThat(policy).isEqualTo(new AuthPolicy(10, Duration.ofMinutes(60), PhoneBinding.WARN));
  }

  @Test
  void shouldReadTheConfiguredValuesWhateverTheCaseOfTheBinding() {
    // given
    Binder binder =
        new Binder(
            new MapConfigurationPropertySource(
                Map.of(
                    "xofi.auth.dni-max-failures-per-day", "6",
                    "xofi.auth.session-max-lifetime", "45m",
                    "xofi.auth.phone-binding", "require")));

    // when
    AuthPolicy policy = binder.bindOrCreate("xofi.auth", AuthProperties.class).policy();

    // then
    assertThat(policy).isEqualTo(new AuthPolicy(6, Duration.ofMinutes(45), PhoneBinding.REQUIRE));
  }
}
