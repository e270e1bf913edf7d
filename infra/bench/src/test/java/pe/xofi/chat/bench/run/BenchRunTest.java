package pe.xofi.chat.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.bench.load.LoadResult;

class BenchRunTest {

  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final TopicPartition P1 = new TopicPartition("t", 1);

  @Test
  void shouldCountTheBusiestOneSecondWindowAnywhereNotOnlyOnSecondBoundaries() {
    // given: 3 sends at the end of one second and 3 at the start of the next
    long[] times = {100, 900, 950, 990, 1010, 1050, 1080, 2500};
    // when
    int max = BenchRun.maxInAnyWindow(times, 1000);
    // then
    assertThat(max).isEqualTo(7);
  }

  @Test
  void shouldLeaveExactlyTheBacklogSpreadLikeTheUnreadRecords() {
    // given: 300 unread records on p0, 100 on p1
    Map<TopicPartition, Long> ends = Map.of(P0, 1000L, P1, 500L);
    Map<TopicPartition, Long> committed = Map.of(P0, 700L, P1, 400L);
    // when
    Map<TopicPartition, Long> start = BenchRun.backlogStart(ends, committed, 201);
    // then
    assertThat(start).isEqualTo(Map.of(P0, 849L, P1, 450L));
  }

  @Test
  void shouldCallTheIngressWarmOnlyWhenEveryWebhookWasAnswered200AtP99Within50Ms() {
    assertThat(BenchRun.warm(round(1000, 1000, 12))).isTrue();
    assertThat(BenchRun.warm(round(1000, 1000, 80))).as("slow p99").isFalse();
    assertThat(BenchRun.warm(round(1000, 700, 12))).as("timeouts").isFalse();
  }

  /** A warm-up round of {@code sent} webhooks, {@code ok} answered 200, all at {@code millis}. */
  private static LoadResult round(int sent, long ok, long millis) {
    Histogram latency = new Histogram(3);
    for (int i = 0; i < sent; i++) {
      latency.recordValue(millis * 1000);
    }
    return new LoadResult(
        1000, latency, List.of(), Map.of(200, ok), sent - ok, 0, new long[sent], new boolean[sent],
        Duration.ofSeconds(1), Duration.ZERO, null);
  }
}
