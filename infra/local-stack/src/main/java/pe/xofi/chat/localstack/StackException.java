package pe.xofi.chat.localstack;

/** A problem the person running the stack can fix; its message says how. */
public final class StackException extends RuntimeException {
  public StackException(String message) {
    super(message);
  }

  public StackException(String message, Throwable cause) {
    super(message, cause);
  }
}
