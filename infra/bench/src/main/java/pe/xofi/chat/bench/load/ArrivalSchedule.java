package pe.xofi.chat.bench.load;

import java.time.Duration;

/**
 * When each request of an open-loop run is meant to leave: request {@code i} at
 * {@code i / rate} seconds after the start, whatever happened to the requests before it, so a slow
 * server cannot slow the generator down and hide its own latency (coordinated omission).
 *
 * @param ratePerSecond requests per second
 * @param duration      length of the run
 */
public record ArrivalSchedule(double ratePerSecond, Duration duration) {

  public ArrivalSchedule {
    if (ratePerSecond <= 0) {
      throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be positive: " + duration);
    }
  }

  /** How many requests the run sends: rate × duration, rounded down. */
  public long count() {
    return (long) Math.floor(ratePerSecond * duration.toNanos() / 1e9);
  }

  /** Intended send time of request {@code i}, in nanoseconds after the start. */
  public long intendedOffsetNanos(long i) {
    return Math.round(i * 1e9 / ratePerSecond);
  }
}
