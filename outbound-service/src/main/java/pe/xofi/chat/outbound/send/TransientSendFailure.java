package pe.xofi.chat.outbound.send;

import java.time.Duration;
import java.util.Optional;

/**
 * The provider was busy, failing or unreachable (429, 5xx, timeout, refused connection): retry later,
 * no sooner than the provider's {@code Retry-After} when it gave one.
 */
public final class TransientSendFailure extends SendFailure {

  private final Duration retryAfter;

  public TransientSendFailure(String message, Integer statusCode, String detail, Throwable cause) {
    this(message, statusCode, detail, cause, null);
  }

  /** A failure whose provider said how long to wait ({@code Retry-After} or a retry-after field). */
  public TransientSendFailure(String message, Integer statusCode, String detail, Throwable cause,
      Duration retryAfter) {
    super(message, statusCode, detail, cause);
    this.retryAfter = retryAfter;
  }

  /** How long the provider asked to wait before the next try, if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whether the provider throttled the send (HTTP 429). */
  public boolean throttled() {
    return statusCode().filter(code -> code == 429).isPresent();
  }
}
