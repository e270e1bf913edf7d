package pe.xofi.chat.schemas.audit;

/** What a staff member asked for about a member. */
public enum AuditAction {
  /** Read a member's conversation transcript and state ({@code GET /ops/conversations/{phone}}). */
  TRANSCRIPT_VIEWED
}
