package pe.xofi.chat.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.bench.load.LoadResult;

class EndToEndStepTest {

  @Test
  void shouldMeasureEachAcceptedWebhookFromItsIntendedTimeToItsFirstReplyAndCountTheUnansweredAsLost() {
    // given: webhooks 20–24 sent every 500 ms from t = 10,000 ms; 22 refused; 24 without a reply
    long[] intended = {10_000, 10_500, 11_000, 11_500, 12_000};
    boolean[] accepted = {true, true, false, true, true};
    LoadResult load = load(2, 20, intended, accepted);
    FirstReplies replies = new FirstReplies(id -> Long.parseLong(id.substring("r-".length())));
    reply(replies, "r-20", 10_120);
    reply(replies, "r-21", 10_800);
    reply(replies, "r-22", 11_050);
    reply(replies, "r-23", 11_540);
    // when
    EndToEndStep step = EndToEndStep.of(load, 2.5, replies, 1.5, Drain.Outcome.IDLE);
    // then
    assertThat(step.sent()).isEqualTo(5);
    assertThat(step.accepted()).isEqualTo(4);
    assertThat(step.lost()).isEqualTo(1);
    assertThat(step.latency().getTotalCount()).isEqualTo(3);
    // HdrHistogram with 3 significant digits: a value reads back within 0.1 %
    assertThat(step.millisAt(50)).isCloseTo(120.0, within(0.12));
    assertThat(step.maxMillis()).isCloseTo(300.0, within(0.3));
    assertThat(step.perSecond().stream().map(Histogram::getTotalCount).toList()).containsExactly(2L, 1L, 0L);
    assertThat(step.meetsGoal()).isFalse();
    assertThat(step.summary()).containsEntry("lost", 1L).containsEntry("drainEnded", "IDLE").containsEntry("meetsGoal", false);
  }

  @Test
  void shouldTakeTheHighestRateBelowWhichEveryStepMetTheGoal() {
    // given: 500/s missed, 100 and 250 met (steps in any order)
    List<EndToEndStep> steps = List.of(step(500, 400, 0), step(100, 80, 0), step(250, 120, 0));
    // when
    double best = EndToEndStep.highestRateMeetingGoal(steps);
    // then
    assertThat(best).isEqualTo(250);
  }

  @Test
  void shouldStopAtTheFirstMissedStepEvenWhenAFasterOneMetTheGoal() {
    // given: 250/s lost a reply, 500/s happened to meet the goal
    List<EndToEndStep> steps = List.of(step(100, 80, 0), step(250, 120, 1), step(500, 200, 0));
    // when
    double best = EndToEndStep.highestRateMeetingGoal(steps);
    // then
    assertThat(best).isEqualTo(100);
  }

  @Test
  void shouldFindNoRateWhenTheSlowestStepMissed() {
    // given
    List<EndToEndStep> steps = List.of(step(100, 260, 0), step(250, 120, 0));
    // when
    double best = EndToEndStep.highestRateMeetingGoal(steps);
    // then
    assertThat(best).isZero();
  }

  /** A step of 100 replied webhooks, all at {@code millis}, and {@code lost} more. */
  private static EndToEndStep step(double rate, long millis, long lost) {
    Histogram h = new Histogram(3);
    h.recordValueWithCount(millis * 1000, 100);
    return new EndToEndStep(rate, 3, 100 + lost, 100 + lost, lost, h, List.of(h), 0.5, Drain.Outcome.COMPLETE);
  }

  private static void reply(FirstReplies replies, String inbound, long at) {
    replies.sent("wamid-" + inbound, inbound + "#1");
    replies.received("wamid-" + inbound, at);
  }

  private static LoadResult load(int rate, long firstIndex, long[] intended, boolean[] accepted) {
    List<Histogram> perSecond = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      perSecond.add(new Histogram(3));
    }
    return new LoadResult(rate, new Histogram(3), perSecond, Map.of(200, 4L, 503, 1L), 0, firstIndex, intended, accepted,
        Duration.ofMillis(2500), Duration.ZERO, null);
  }
}
