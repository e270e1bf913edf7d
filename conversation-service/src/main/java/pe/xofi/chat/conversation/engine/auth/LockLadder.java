package pe.xofi.chat.conversation.engine.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Growing lock times: the failure that brings the failures of the last day to a step's count, and
 * every failure after it, locks identification for that step's time from that failure; attempts
 * while locked are refused without being counted.
 *
 * @param steps from the fewest failures to the most, with growing locks
 */
public record LockLadder(List<Step> steps) {

  /** How far back failures are counted. */
  public static final Duration WINDOW = Duration.ofDays(1);

  /** A phone: the 5th failure of a day locks 15 minutes, the 10th an hour, the 15th a day. */
  public static final LockLadder PHONE =
      new LockLadder(
          List.of(
              new Step(5, Duration.ofMinutes(15)), new Step(10, Duration.ofHours(1)), new Step(15, Duration.ofDays(1))));

  /** {@code failures} failures of a day lock for {@code lock}. */
  public record Step(int failures, Duration lock) {}

  public LockLadder {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a lock ladder needs a step");
    }
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i).failures() <= steps.get(i - 1).failures()
          || steps.get(i).lock().compareTo(steps.get(i - 1).lock()) <= 0) {
        throw new IllegalArgumentException("lock ladder steps must grow");
      }
    }
  }

  /**
   * A DNI, over failures from all numbers: the 5th failure of a day locks 15 minutes, the 8th an
   * hour, the {@code maxFailuresPerDay}-th a day (the steps from that count on are dropped).
   */
  public static LockLadder forDni(int maxFailuresPerDay) {
    List<Step> steps = new ArrayList<>();
    if (maxFailuresPerDay > 5) {
      steps.add(new Step(5, Duration.ofMinutes(15)));
    }
    if (maxFailuresPerDay > 8) {
      steps.add(new Step(8, Duration.ofHours(1)));
    }
    steps.add(new Step(maxFailuresPerDay, Duration.ofDays(1)));
    return new LockLadder(steps);
  }

  /** The lock caused by a failure that makes {@code failuresInWindow} failures within the last day. */
  public Optional<Duration> lockAfter(int failuresInWindow) {
    Duration lock = null;
    for (Step step : steps) {
      if (failuresInWindow >= step.failures()) {
        lock = step.lock();
      }
    }
    return Optional.ofNullable(lock);
  }

  /**
   * When the locks caused by {@code failures} (in any order) end: the latest end of the lock each
   * failure caused, counting the failures of the day before it; null when none caused a lock.
   */
  public Instant lockedUntil(List<Instant> failures) {
    List<Instant> sorted = failures.stream().sorted(Comparator.naturalOrder()).toList();
    Instant until = null;
    int first = 0;
    for (int i = 0; i < sorted.size(); i++) {
      Instant at = sorted.get(i);
      while (!sorted.get(first).isAfter(at.minus(WINDOW))) {
        first++;
      }
      Optional<Duration> lock = lockAfter(i - first + 1);
      if (lock.isPresent() && (until == null || at.plus(lock.get()).isAfter(until))) {
        until = at.plus(lock.get());
      }
    }
    return until;
  }

  /** How far back failures can still lock: a day of counting plus the longest lock. */
  public Duration horizon() {
    return WINDOW.plus(steps.getLast().lock());
  }
}
