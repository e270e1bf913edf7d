package pe.xofi.chat.schemas.audit;

/** What the staff member got. */
public enum AuditOutcome {
  /** The data was shown. */
  FOUND,
  /** There was no such conversation (nothing was shown, but the question was asked). */
  NOT_FOUND,
  /** The actor lacks the role; refused with 403. */
  DENIED
}
