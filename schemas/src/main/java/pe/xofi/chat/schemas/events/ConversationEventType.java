package pe.xofi.chat.schemas.events;

/** The audit facts the conversation engine records. */
public enum ConversationEventType {
  MESSAGE_HANDLED,
  DUPLICATE_DROPPED,
  AUTHENTICATED,
  AUTH_FAILED,
  LOCKED,
  TICKET_CREATED,
  RECEIPT_REGISTERED,
  SESSION_EXPIRED
}
