package pe.xofi.chat.outbound.media;

/** Trying again cannot help (404, too large, unknown receipt, refused): the receipt becomes FAILED. */
public final class PermanentMediaFailure extends MediaFailure {

  public PermanentMediaFailure(MediaOutcome outcome, String reason) {
    super(outcome, reason, null);
  }
}
