package pe.xofi.chat.outbound.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttemptLogTest {

  private static final Instant T0 = Instant.parse("2025-01-15T15:00:00Z");

  @Test
  void shouldCountAttemptsAndKeepFirstAttemptTime() {
    // given
    AttemptLog log = new AttemptLog();
    log.begin("p.abc#1", T0);
    // when
    Attempt second = log.begin("p.abc#1", T0.plusSeconds(2));
    // then
    assertThat(second).isEqualTo(new Attempt(2, T0, T0.plusSeconds(2)));
    assertThat(log.current("p.abc#1", T0.plusSeconds(9))).isEqualTo(second);
  }

  @Test
  void shouldStartOverAfterOutcomeIsFinal() {
    // given
    AttemptLog log = new AttemptLog();
    log.begin("p.abc#1", T0);
    log.end("p.abc#1");
    // when
    Attempt again = log.begin("p.abc#1", T0.plusSeconds(5));
    // then
    assertThat(again).isEqualTo(new Attempt(1, T0.plusSeconds(5), T0.plusSeconds(5)));
  }
}
