package pe.xofi.chat.outbound.media;

import java.util.Optional;

/**
 * A receipt file that could not be stored. The message is the {@code failure_reason} written on the
 * receipt, so it names statuses, sizes and exception types only, never personal data or file
 * contents.
 */
public abstract sealed class MediaFailure extends RuntimeException
    permits PermanentMediaFailure, TransientMediaFailure {

  private final MediaOutcome outcome;

  protected MediaFailure(MediaOutcome outcome, String reason, Throwable cause) {
    super(reason, cause);
    this.outcome = outcome;
  }

  public MediaOutcome outcome() {
    return outcome;
  }

  /** The media failure behind {@code exception}, however deeply spring-kafka wrapped it. */
  public static Optional<MediaFailure> in(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof MediaFailure failure) {
        return Optional.of(failure);
      }
    }
    return Optional.empty();
  }

  /** The innermost cause's class name, for reasons that must not quote what a library said. */
  public static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName();
  }
}
