package pe.xofi.chat.outbound.kafka;

import pe.xofi.chat.outbound.delivery.Attempt;
import pe.xofi.chat.outbound.send.SendFailure;

/**
 * The reply is given up after {@code attempt}: the failure that ends it travels to the dead-letter
 * recoverer as the cause, so spring-kafka's cause headers name the send failure.
 */
final class GaveUp extends RuntimeException {

  private final transient Attempt attempt;

  GaveUp(SendFailure failure, Attempt attempt) {
    super("gave up after " + attempt.number() + " attempt(s): " + failure.getMessage(), failure);
    this.attempt = attempt;
  }

  Attempt attempt() {
    return attempt;
  }

  SendFailure failure() {
    return (SendFailure) getCause();
  }
}
