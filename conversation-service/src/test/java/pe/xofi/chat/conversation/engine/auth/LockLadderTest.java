package pe.xofi.chat.conversation.engine.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.engine.auth.LockLadder.Step;

class LockLadderTest {

  private static final Instant NOW = Instant.parse("2026-11-24T15:30:00Z");

  @Test
  void shouldLockADniFifteenMinutesAtFiveFailuresAnHourAtEightAndADayAtTheMaximum() {
    // given
    int maxFailuresPerDay = 10;

    // when
    LockLadder ladder = LockLadder.forDni(maxFailuresPerDay);

    // then
    assertThat(ladder.steps())
        .isEqualTo(
            List.of(
                new Step(5, Duration.ofMinutes(15)), new Step(8, Duration.ofHours(1)), new Step(10, Duration.ofDays(1))));
  }

  @Test
  void shouldDropTheStepsAtOrAboveALowMaximum() {
    // given
    List<Integer> maxima = List.of(3, 5, 6);

    // when
    List<List<Step>> ladders = maxima.stream().map(max -> LockLadder.forDni(max).steps()).toList();

    // then
    assertThat(ladders)
        .isEqualTo(
            List.of(
                List.of(new Step(3, Duration.ofDays(1))),
                List.of(new Step(5, Duration.ofDays(1))),
                List.of(new Step(5, Duration.ofMinutes(15)), new Step(6, Duration.ofDays(1)))));
  }

  @Test
  void shouldKeepTheDaysLockWhileItsFirstFailuresLeaveTheWindow() {
    // given ten failures spread over 23 hours, the tenth at NOW
    List<Instant> failures = new ArrayList<>();
    for (int i = 9; i >= 0; i--) {
      failures.add(NOW.minus(Duration.ofMinutes(23 * 60L * i / 9)));
    }

    // when
    Instant until = LockLadder.forDni(10).lockedUntil(failures);

    // then
    assertThat(until).isEqualTo(NOW.plus(Duration.ofDays(1)));
  }

  @Test
  void shouldNotLockForFailuresOfDifferentDays() {
    // given nine failures, one every three hours: never more than eight within a day
    List<Instant> failures = new ArrayList<>();
    for (int i = 8; i >= 0; i--) {
      failures.add(NOW.minus(Duration.ofHours(3L * i)));
    }

    // when
    Instant until = LockLadder.forDni(10).lockedUntil(failures);

    // then the last failure made eight within the day: an hour from it
    assertThat(until).isEqualTo(NOW.plus(Duration.ofHours(1)));
  }

  @Test
  void shouldLookBackADayPlusTheLongestLock() {
    // given
    LockLadder ladder = LockLadder.PHONE;

    // when
    Duration horizon = ladder.horizon();

    // then
    assertThat(horizon).isEqualTo(Duration.ofDays(2));
  }
}
