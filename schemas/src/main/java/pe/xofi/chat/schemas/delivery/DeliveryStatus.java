package pe.xofi.chat.schemas.delivery;

/** The outcome of sending a reply, from the outbound service or the provider's callbacks. */
public enum DeliveryStatus {
  SENT,
  RETRYING,
  FAILED,
  DEAD_LETTERED,
  DELIVERED,
  READ
}
