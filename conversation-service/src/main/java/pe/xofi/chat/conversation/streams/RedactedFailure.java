package pe.xofi.chat.conversation.streams;

/**
 * A copy of an exception chain with class names and stack traces but no messages, because a
 * message may quote a member's text (Jackson quotes the token it choked on) and logs hold no
 * personal data.
 */
final class RedactedFailure extends RuntimeException {

  private static final int MAX_CAUSES = 8;

  private RedactedFailure(Throwable original, RedactedFailure cause) {
    super(original.getClass().getName() + " (message redacted)", cause, false, true);
    setStackTrace(original.getStackTrace());
  }

  /** The redacted copy of {@code failure} and its causes. */
  static RedactedFailure of(Throwable failure) {
    return copy(failure, 0);
  }

  private static RedactedFailure copy(Throwable failure, int depth) {
    Throwable cause = failure.getCause();
    RedactedFailure redactedCause =
        cause == null || cause == failure || depth >= MAX_CAUSES ? null : copy(cause, depth + 1);
    return new RedactedFailure(failure, redactedCause);
  }
}
