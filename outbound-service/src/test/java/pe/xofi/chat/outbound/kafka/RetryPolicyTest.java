package pe.xofi.chat.outbound.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.outbound.send.TransientSendFailure;

class RetryPolicyTest {

  private final RetryPolicy policy = new RetryPolicy(new RetryProperties(8, Duration.ofSeconds(3), 2.0,
      Duration.ofMinutes(2), Duration.ZERO, Duration.ofMinutes(5)));

  @Test
  void shouldBackOffExponentiallyUpToTheCapAndStopAfterTheLastAttempt() {
    // given
    TransientSendFailure outage = new TransientSendFailure("WHAPI answered 500", 500, "boom", null);
    // when
    List<Duration> delays = new ArrayList<>();
    for (int attempt = 1; policy.mayRetryAfter(attempt); attempt++) {
      delays.add(policy.delayAfter(attempt, outage));
    }
    // then: 3 + 6 + 12 + 24 + 48 + 96 + 120 s = 309 s, about five minutes
    assertThat(delays).extracting(Duration::toSeconds).containsExactly(3L, 6L, 12L, 24L, 48L, 96L, 120L);
  }

  @Test
  void shouldWaitForRetryAfterCappedAtItsMaximum() {
    // given
    TransientSendFailure asked = new TransientSendFailure("WHAPI answered 429", 429, "slow down", null,
        Duration.ofSeconds(7));
    TransientSendFailure tooLong = new TransientSendFailure("WHAPI answered 429", 429, "slow down", null,
        Duration.ofHours(1));
    // when / then
    assertThat(List.of(policy.delayAfter(5, asked), policy.delayAfter(1, tooLong)))
        .containsExactly(Duration.ofSeconds(7), Duration.ofMinutes(5));
  }
}
