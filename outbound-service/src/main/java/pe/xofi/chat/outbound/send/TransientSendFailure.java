package pe.xofi.chat.outbound.send;

import java.time.Duration;
import java.util.Optional;

/** The provider was busy, failing or unreachable (429, 5xx, timeout, refused connection): retry later. */
public final class TransientSendFailure extends SendFailure {

  private final Duration retryAfter;

  public TransientSendFailure(String message, Integer statusCode, String detail, Throwable cause) {
    this(message, statusCode, detail, cause, null);
  }

  /** A failure whose provider said how long to wait ({@code retry_after}, {@code Retry-After}). */
  public TransientSendFailure(
      String message, Integer statusCode, String detail, Throwable cause, Duration retryAfter) {
    super(message, statusCode, detail, cause);
    this.retryAfter = retryAfter;
  }

  /** How long the provider asked to wait before the next try, when it said so. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
