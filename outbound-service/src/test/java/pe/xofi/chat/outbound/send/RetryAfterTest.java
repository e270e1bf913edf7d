package pe.xofi.chat.outbound.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-15T15:00:00Z"), ZoneOffset.UTC);

  @Test
  void shouldReadSecondsAndHttpDatesAndIgnoreTheRest() {
    // when
    List<Optional<Duration>> parsed = List.of(
        RetryAfter.parse("3", CLOCK),
        RetryAfter.parse("Wed, 15 Jan 2025 15:00:30 GMT", CLOCK),
        RetryAfter.parse("Wed, 15 Jan 2025 14:00:00 GMT", CLOCK),
        RetryAfter.parse("soon", CLOCK),
        RetryAfter.parse(null, CLOCK));
    // then
    assertThat(parsed).containsExactly(Optional.of(Duration.ofSeconds(3)), Optional.of(Duration.ofSeconds(30)),
        Optional.of(Duration.ZERO), Optional.empty(), Optional.empty());
  }
}
