package pe.xofi.chat.conversation.replay;

/** A replay that cannot run, with the operator-facing reason (never a full phone number or text). */
public final class ReplayException extends RuntimeException {

  public ReplayException(String message) {
    super(message);
  }

  public ReplayException(String message, Throwable cause) {
    super(message, cause);
  }
}
