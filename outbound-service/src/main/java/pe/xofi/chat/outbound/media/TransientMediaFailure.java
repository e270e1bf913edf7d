package pe.xofi.chat.outbound.media;

/** The provider or the database was unavailable (5xx, 429, timeout, refused connection): retry later. */
public final class TransientMediaFailure extends MediaFailure {

  public TransientMediaFailure(String reason, Throwable cause) {
    super(MediaOutcome.TRANSIENT_ERROR, reason, cause);
  }
}
