package pe.xofi.chat.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

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
}
