package pe.xofi.chat.membercrypto;

/** A sealed record that its conversation's key does not authenticate: tampered or moved, never opened. */
public final class UnopenableRecordException extends RuntimeException {

  public UnopenableRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
