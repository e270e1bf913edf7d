package pe.xofi.chat.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.bench.run.Drain.Outcome;

class DrainTest {

  private static final long MS = 1_000_000;
  private static final DrainRule RULE =
      new DrainRule(Duration.ofMillis(500), Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(60));

  @Test
  void shouldEndOnceEveryWebhookHasItsReplyAndNoReplyCameForTheQuietTime() {
    // given: the last reply arrives at 1,000 ms, observations every 250 ms
    Drain drain = new Drain(RULE, 0);
    List<Outcome> outcomes = new ArrayList<>();
    // when
    outcomes.add(drain.observe(250 * MS, 90, 100, 4, true));
    outcomes.add(drain.observe(500 * MS, 99, 100, 0, true));
    outcomes.add(drain.observe(750 * MS, 99, 100, 0, false));
    outcomes.add(drain.observe(1000 * MS, 100, 100, 0, true));
    outcomes.add(drain.observe(1250 * MS, 100, 100, 0, false));
    outcomes.add(drain.observe(1500 * MS, 100, 100, 0, false));
    // then
    assertThat(outcomes).containsExactly(Outcome.WAITING, Outcome.WAITING, Outcome.WAITING, Outcome.WAITING, Outcome.WAITING, Outcome.COMPLETE);
  }

  @Test
  void shouldCountTheMissingRepliesAsLostWhenTheEngineIsIdleAndNothingArrivesForTheIdleTime() {
    // given: 99 of 100 replied at 1 s, the engine has no lag
    Drain drain = new Drain(RULE, 0);
    drain.observe(1000 * MS, 99, 100, 0, true);
    // when
    Outcome before = drain.observe(3900 * MS, 99, 100, 0, false);
    Outcome after = drain.observe(4000 * MS, 99, 100, 0, false);
    // then
    assertThat(before).isEqualTo(Outcome.WAITING);
    assertThat(after).isEqualTo(Outcome.IDLE);
  }

  @Test
  void shouldGiveUpWhenNothingMovesForTheStallTimeWhileTheEngineStillHasLag() {
    // given: the engine's lag is stuck at 40 from 2 s on
    Drain drain = new Drain(RULE, 0);
    drain.observe(2000 * MS, 10, 100, 40, true);
    // when
    Outcome idleTimePassed = drain.observe(5000 * MS, 10, 100, 40, false);
    Outcome stallTimePassed = drain.observe(12_000 * MS, 10, 100, 40, false);
    // then
    assertThat(idleTimePassed).isEqualTo(Outcome.WAITING);
    assertThat(stallTimePassed).isEqualTo(Outcome.STALLED);
  }

  @Test
  void shouldStopAtTheCapWhileRepliesKeepComing() {
    // given
    Drain drain = new Drain(RULE, 0);
    // when
    Outcome beforeCap = drain.observe(59_750 * MS, 50, 100, 10, true);
    Outcome atCap = drain.observe(60_000 * MS, 51, 100, 9, true);
    // then
    assertThat(beforeCap).isEqualTo(Outcome.WAITING);
    assertThat(atCap).isEqualTo(Outcome.CAPPED);
    assertThat(drain.secondsAt(60_000 * MS)).isEqualTo(60.0);
  }
}
