package pe.xofi.chat.sandbox.fault;

import java.time.Duration;
import pe.xofi.chat.sandbox.whapi.WhapiError;

/**
 * How one send misbehaves: answered with {@code error} (and a {@code Retry-After} header when
 * {@code retryAfter} is set) after {@code delay}; a long delay is how a timeout is faked.
 *
 * @param error      the WHAPI error answered
 * @param retryAfter seconds for the {@code Retry-After} header, or null for none
 * @param delay      how long the answer is held back
 */
public record SendFault(WhapiError error, Integer retryAfter, Duration delay) {

  /** An immediate error without {@code Retry-After}. */
  public static SendFault of(WhapiError error) {
    return new SendFault(error, null, Duration.ZERO);
  }
}
