package pe.xofi.chat.outbound.kafka;

import java.time.Duration;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;
import pe.xofi.chat.outbound.send.TransientSendFailure;

/**
 * When to try a transiently failed reply again: after the provider's {@code Retry-After} when it gave
 * one (capped), else after Spring's exponential back-off with jitter for that retry number; no retry
 * once {@code max-attempts} attempts were made.
 */
class RetryPolicy {

  private final RetryProperties properties;

  RetryPolicy(RetryProperties properties) {
    this.properties = properties;
  }

  /** Whether an attempt may follow attempt number {@code attempt}. */
  boolean mayRetryAfter(int attempt) {
    return attempt < properties.maxAttempts();
  }

  /** How long to wait after attempt number {@code attempt} (from 1) failed with {@code failure}. */
  Duration delayAfter(int attempt, TransientSendFailure failure) {
    if (failure.retryAfter().isPresent()) {
      Duration asked = failure.retryAfter().get();
      return asked.compareTo(properties.maxRetryAfter()) > 0 ? properties.maxRetryAfter() : asked;
    }
    ExponentialBackOff backOff = new ExponentialBackOff(properties.initialInterval().toMillis(), properties.multiplier());
    backOff.setMaxInterval(properties.maxInterval().toMillis());
    backOff.setJitter(properties.jitter().toMillis());
    BackOffExecution execution = backOff.start();
    long millis = 0;
    for (int i = 0; i < attempt; i++) {
      millis = execution.nextBackOff();
    }
    return Duration.ofMillis(Math.max(0, millis));
  }
}
