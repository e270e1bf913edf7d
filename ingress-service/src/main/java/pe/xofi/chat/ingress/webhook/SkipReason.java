package pe.xofi.chat.ingress.webhook;

/** Why a webhook item is acknowledged but not published. */
public enum SkipReason {
  /** The bot's own sends echo back as messages; answering them would loop forever. */
  FROM_ME,
  /** The bot serves members one to one; group chats are not conversations it keys. */
  GROUP_CHAT,
  /** Broadcast lists, newsletters, status updates or ids that are not phone numbers. */
  NOT_PERSONAL_CHAT,
  /** No phone digits or chat id to build a conversation key from. */
  UNKEYABLE
}
