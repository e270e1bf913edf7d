package pe.xofi.chat.conversation.member;

/** Lifecycle status of a loan. */
public enum LoanStatus {
  ACTIVE,
  PAID_OFF,
  DEFAULTED,
  CANCELLED
}
