package pe.xofi.chat.outbound.dedupe;

/** The sent-reply ledger could not be read or written (database down or slow). */
public class LedgerUnavailable extends RuntimeException {

  public LedgerUnavailable(Throwable cause) {
    super("sent-reply ledger unavailable: " + cause.getClass().getSimpleName(), cause);
  }
}
