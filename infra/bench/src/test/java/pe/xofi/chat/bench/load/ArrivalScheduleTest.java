package pe.xofi.chat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

  @Test
  void shouldSendRateTimesDurationRequests() {
    // given
    ArrivalSchedule schedule = new ArrivalSchedule(2000, Duration.ofSeconds(60));
    // when
    long count = schedule.count();
    // then
    assertThat(count).isEqualTo(120_000);
  }

  @Test
  void shouldSpaceRequestsEvenlyFromTheStartWhateverHappenedBefore() {
    // given
    ArrivalSchedule schedule = new ArrivalSchedule(4, Duration.ofSeconds(1));
    // when
    List<Long> offsets = LongStream.range(0, schedule.count()).map(schedule::intendedOffsetNanos).boxed().toList();
    // then
    assertThat(offsets).containsExactly(0L, 250_000_000L, 500_000_000L, 750_000_000L);
  }

  @Test
  void shouldKeepFractionalIntervalsWithoutDrift() {
    // given
    ArrivalSchedule schedule = new ArrivalSchedule(3000, Duration.ofSeconds(10));
    // when
    long last = schedule.intendedOffsetNanos(schedule.count() - 1);
    long thirtyThousandth = schedule.intendedOffsetNanos(30_000);
    // then
    assertThat(last).isEqualTo(9_999_666_667L);
    assertThat(thirtyThousandth).isEqualTo(10_000_000_000L);
  }

  @Test
  void shouldRefuseANonPositiveRate() {
    assertThatThrownBy(() -> new ArrivalSchedule(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rate must be positive: 0.0");
  }
}
