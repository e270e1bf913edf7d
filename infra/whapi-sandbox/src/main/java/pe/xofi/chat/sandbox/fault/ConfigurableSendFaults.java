package pe.xofi.chat.sandbox.fault;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import pe.xofi.chat.sandbox.whapi.WhapiError;
import tools.jackson.databind.JsonNode;

/**
 * The fault knobs of {@code POST /sandbox/faults}: a number of failing sends, a failing period (an
 * outage), and a rate limit enforced with a token bucket whose burst is one second of sends.
 */
@Component
public class ConfigurableSendFaults implements SendFaults {

  private static final int DEFAULT_TIMEOUT_SECONDS = 30;

  private final Clock clock;
  private final AtomicInteger remaining = new AtomicInteger();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong faulted = new AtomicLong();
  private final AtomicLong rateLimited = new AtomicLong();
  private volatile FaultPlan plan = new FaultPlan(null, null, null, null, null, null, null);
  private volatile Instant failUntil = Instant.MIN;
  private volatile Bucket limit;

  public ConfigurableSendFaults(Clock clock) {
    this.clock = clock;
  }

  /** Replaces the current plan and resets the counters. */
  public synchronized void apply(FaultPlan next) {
    plan = next;
    remaining.set(next.next() == null ? 0 : next.next());
    failUntil = next.forSeconds() == null ? Instant.MIN : clock.instant().plusSeconds(next.forSeconds());
    limit = next.rateLimit() == null || next.rateLimit() <= 0 ? null : Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(next.rateLimit())
            .refillGreedy(next.rateLimit(), Duration.ofSeconds(1)).build())
        .build();
    accepted.set(0);
    faulted.set(0);
    rateLimited.set(0);
  }

  /** Behaves like WHAPI again. */
  public void clear() {
    apply(new FaultPlan(null, null, null, null, null, null, null));
  }

  /** The plan in force and what it did so far. */
  public FaultReport report() {
    return new FaultReport(plan, remaining.get(), accepted.get(), faulted.get(), rateLimited.get());
  }

  @Override
  public Optional<WhapiError> failureFor(String type, JsonNode request) {
    return faultFor(type, request).map(SendFault::error);
  }

  @Override
  public Optional<SendFault> faultFor(String type, JsonNode request) {
    FaultPlan current = plan;
    boolean failing = remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0
        || clock.instant().isBefore(failUntil);
    if (failing) {
      faulted.incrementAndGet();
      return Optional.of(faultOf(current));
    }
    Bucket bucket = limit;
    if (bucket != null && !bucket.tryConsume(1)) {
      rateLimited.incrementAndGet();
      return Optional.of(SendFault.of(WhapiError.of(HttpStatus.TOO_MANY_REQUESTS, "Too many requests")));
    }
    accepted.incrementAndGet();
    return Optional.empty();
  }

  private static SendFault faultOf(FaultPlan plan) {
    if (plan.isTimeout()) {
      int seconds = plan.timeoutSeconds() == null ? DEFAULT_TIMEOUT_SECONDS : plan.timeoutSeconds();
      return new SendFault(WhapiError.of(HttpStatus.GATEWAY_TIMEOUT, "Gateway timeout"), null,
          Duration.ofSeconds(seconds));
    }
    HttpStatus status = HttpStatus.valueOf(plan.status() == null ? 500 : plan.status());
    String message = status == HttpStatus.TOO_MANY_REQUESTS ? "Too many requests" : status.getReasonPhrase();
    return new SendFault(WhapiError.of(status, message), plan.retryAfterSeconds(), Duration.ZERO);
  }
}
