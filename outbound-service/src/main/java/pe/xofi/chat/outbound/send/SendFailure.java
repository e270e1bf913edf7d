package pe.xofi.chat.outbound.send;

import java.util.Optional;

/**
 * A send the provider did not accept. The message names only the provider and the status, never
 * the recipient or the text, because spring-kafka logs it; the provider's own words are in
 * {@link #detail()}.
 */
public abstract sealed class SendFailure extends RuntimeException
    permits PermanentSendFailure, TransientSendFailure {

  private final Integer statusCode;
  private final String detail;

  protected SendFailure(String message, Integer statusCode, String detail, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.detail = detail;
  }

  /** The provider's HTTP status, when it answered at all. */
  public Optional<Integer> statusCode() {
    return Optional.ofNullable(statusCode);
  }

  /** What the provider said, or why it could not be reached, for delivery events. */
  public String detail() {
    return detail;
  }

  /** The send failure behind {@code exception}, however deeply spring-kafka wrapped it. */
  public static Optional<SendFailure> in(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof SendFailure failure) {
        return Optional.of(failure);
      }
    }
    return Optional.empty();
  }
}
