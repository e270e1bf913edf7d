package pe.xofi.chat.conversation.replay;

import pe.xofi.chat.schemas.privacy.CredentialMask;

/**
 * One reply of a replayed message: the text the engine gives now and, when compared, the text it
 * gave when the message was handled live.
 *
 * @param id       the deterministic reply id {@code <inbound id>#<n>}
 * @param replayed the replayed text, null when the live engine said more than the replay
 * @param actual   the text on {@code outbound-messages}, null when not compared or not produced
 * @param verdict  how the two compare
 */
public record ReplyLine(String id, String replayed, String actual, Verdict verdict) {

  /** Both texts are shown to staff, so a DNI and birth year in them are masked (the verdict was taken before). */
  public ReplyLine {
    replayed = CredentialMask.mask(replayed);
    actual = CredentialMask.mask(actual);
  }

  /** How a replayed reply compares with the one actually produced. */
  public enum Verdict {
    /** Not compared ({@code --compare} not given). */
    NOT_COMPARED,
    /** The same text under the same id. */
    SAME,
    /** Both exist under this id with different texts. */
    CHANGED,
    /** The replay says it, but nothing was produced under this id. */
    MISSING,
    /** Produced live under this id, but the replay does not say it. */
    EXTRA;

    /** Whether this line is a difference between the replay and the live run. */
    public boolean isDifference() {
      return this == CHANGED || this == MISSING || this == EXTRA;
    }
  }
}
