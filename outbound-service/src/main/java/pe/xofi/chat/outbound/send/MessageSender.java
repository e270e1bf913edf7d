package pe.xofi.chat.outbound.send;

import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * Sends one reply with one provider's API. A provider's answer is either a {@link SentReceipt} or a
 * {@link SendFailure} that says whether trying again can help.
 */
public interface MessageSender {

  /** The provider this sender talks to. */
  Provider provider();

  /**
   * Sends {@code message} once, blocking until the provider answers.
   *
   * @throws PermanentSendFailure when the provider refused the message and a retry would be refused too
   * @throws TransientSendFailure when the provider was unavailable and a later retry may succeed
   */
  default SentReceipt send(OutboundMessage message) {
    return send(message, () -> {});
  }

  /**
   * The same, running {@code exchangeEnded} on the I/O thread as soon as the HTTP exchange is over
   * (answered, failed, timed out or cancelled), before the calling thread wakes up: the send window
   * counts from that instant.
   */
  SentReceipt send(OutboundMessage message, Runnable exchangeEnded);
}
