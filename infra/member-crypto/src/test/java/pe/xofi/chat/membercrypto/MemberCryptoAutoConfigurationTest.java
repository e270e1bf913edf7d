package pe.xofi.chat.membercrypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MemberCryptoAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MemberCryptoAutoConfiguration.class));

  @Test
  void shouldRefuseToStartOutsideTheLocalProfileWithoutTheKeySetNamingIt() {
    runner.run(context -> assertThat(context).hasFailed()
        .getFailure().rootCause().hasMessage("XOFI_DATA_KEYSET is not set: members' data would rest in clear on Kafka"
            + " (set it from a Secret; ./xofi up generates one into .run/secrets.env)"));
  }

  @Test
  void shouldPublishInClearInTheLocalProfileWithoutAKeySet() {
    runner.withPropertyValues("spring.profiles.active=local")
        .run(context -> assertThat(context.getBean(EnvelopeSealer.class).seals()).isFalse());
  }

  @Test
  void shouldSealWithTheKeySetWithoutTouchingTheDatabaseAtStart() {
    runner.withPropertyValues("xofi.member-crypto.keyset=" + MasterKeys.generateJson().replace("\n", ""),
            "xofi.member-crypto.db-url=postgresql://127.0.0.1:1/none")
        .run(context -> assertThat(context.getBean(EnvelopeSealer.class).seals()).isTrue());
  }
}
