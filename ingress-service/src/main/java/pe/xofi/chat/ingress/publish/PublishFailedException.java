package pe.xofi.chat.ingress.publish;

/** Kafka did not acknowledge every record of a webhook in time, so the webhook must not be acked. */
public class PublishFailedException extends RuntimeException {

  public PublishFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
