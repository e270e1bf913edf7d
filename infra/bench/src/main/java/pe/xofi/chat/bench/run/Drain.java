package pe.xofi.chat.bench.run;

/**
 * The wait for an end-to-end run's replies, observed every few hundred milliseconds: over when
 * every accepted webhook has a reply, the engine has no lag and no reply came for
 * {@link DrainRule#quiet()}; or when nothing moved for {@link DrainRule#idle()} with the engine
 * idle (the missing replies are lost); or after {@link DrainRule#stall()} without any movement; or
 * at the {@link DrainRule#cap()}.
 */
final class Drain {

  /** How a wait ended, or that it goes on. */
  enum Outcome { WAITING, COMPLETE, IDLE, STALLED, CAPPED }

  private final DrainRule rule;
  private final long startNanos;
  private long lastMoveNanos;

  Drain(DrainRule rule, long startNanos) {
    this.rule = rule;
    this.startNanos = startNanos;
    this.lastMoveNanos = startNanos;
  }

  /**
   * One observation at {@code nowNanos}: {@code replied} of {@code expected} webhooks have their
   * reply, the engine's lag is {@code engineLag}, and {@code moved} says whether a reply arrived
   * or the lag changed since the previous observation.
   */
  Outcome observe(long nowNanos, long replied, long expected, long engineLag, boolean moved) {
    if (moved) {
      lastMoveNanos = nowNanos;
    }
    long still = nowNanos - lastMoveNanos;
    if (replied >= expected && engineLag == 0 && still >= rule.quiet().toNanos()) {
      return Outcome.COMPLETE;
    }
    if (engineLag == 0 && still >= rule.idle().toNanos()) {
      return Outcome.IDLE;
    }
    if (still >= rule.stall().toNanos()) {
      return Outcome.STALLED;
    }
    if (nowNanos - startNanos >= rule.cap().toNanos()) {
      return Outcome.CAPPED;
    }
    return Outcome.WAITING;
  }

  /** Seconds since the wait began. */
  double secondsAt(long nowNanos) {
    return (nowNanos - startNanos) / 1e9;
  }
}
