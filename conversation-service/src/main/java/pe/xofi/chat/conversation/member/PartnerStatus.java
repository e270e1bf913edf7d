package pe.xofi.chat.conversation.member;

/** Membership status of a partner. */
public enum PartnerStatus {
  ACTIVE,
  INACTIVE,
  SUSPENDED
}
