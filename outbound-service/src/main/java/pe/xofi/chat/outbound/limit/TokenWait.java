package pe.xofi.chat.outbound.limit;

import java.time.Duration;

/**
 * No token now: the reply may be sent after {@code wait}, when the {@code scope} bucket has refilled.
 *
 * @param scope which limit is exhausted
 * @param delay how long until it has a token again
 */
public record TokenWait(Scope scope, Duration delay) {

  /** The bucket that had no token. */
  public enum Scope {
    ACCOUNT,
    RECIPIENT
  }
}
