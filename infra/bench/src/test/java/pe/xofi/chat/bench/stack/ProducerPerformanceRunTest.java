package pe.xofi.chat.bench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProducerPerformanceRunTest {

  @Test
  void shouldReadTheLastSummaryLine() {
    // given
    List<String> output = List.of(
        "412345 records sent, 82469.0 records/sec (55.05 MB/sec), 320.1 ms avg latency, 612.0 ms max latency.",
        "1000000 records sent, 85034.013605 records/sec (56.77 MB/sec), 350.32 ms avg latency, 741.00 ms max latency, 320 ms 50th, 560 ms 95th, 700 ms 99th, 739 ms 99.9th.");
    // when
    ProducerPerformanceRun.Result result = ProducerPerformanceRun.parse(output, 1_000_000, 700);
    // then
    assertThat(result).isEqualTo(new ProducerPerformanceRun.Result(1_000_000, 700, 85034.013605, 56.77, 350.32, 741.0, output.get(1)));
  }
}
