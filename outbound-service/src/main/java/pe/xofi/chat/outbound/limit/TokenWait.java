package pe.xofi.chat.outbound.limit;

import java.time.Duration;

/**
 * No leave to send now: the reply may be sent after {@code delay}, when the {@code scope} limit has
 * room again.
 *
 * @param scope which limit is exhausted
 * @param delay how long until it has room again
 */
public record TokenWait(Scope scope, Duration delay) implements Admission {

  /** The limit that had no room. */
  public enum Scope {
    /** The provider account's token bucket (the rate). */
    ACCOUNT,
    /** The provider account's send window (no window at the provider over the limit). */
    WINDOW,
    /** The recipient's token bucket. */
    RECIPIENT
  }
}
