package pe.xofi.chat.outbound.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How transient send failures are retried in the partition (so a member's replies keep their
 * order): at most {@code maxAttempts} attempts, waiting {@code initialInterval} times {@code
 * multiplier} to the power of the retry number, capped at {@code maxInterval}, plus or minus a random
 * {@code jitter}; a 429 with a {@code Retry-After} waits that long instead, at most {@code maxRetryAfter}.
 */
@ConfigurationProperties("xofi.outbound.retry")
public record RetryProperties(
    int maxAttempts, Duration initialInterval, double multiplier, Duration maxInterval, Duration jitter,
    Duration maxRetryAfter) {

  public RetryProperties {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("xofi.outbound.retry.max-attempts must be at least 1");
    }
    jitter = jitter == null ? Duration.ZERO : jitter;
    maxRetryAfter = maxRetryAfter == null ? Duration.ofMinutes(5) : maxRetryAfter;
  }
}
