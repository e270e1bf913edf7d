package pe.xofi.chat.ingress.publish;

/**
 * A record larger than the producer may send ({@code max.request.size}): a permanent refusal no retry
 * cures, unlike {@link PublishFailedException}, so the webhook is answered 4xx rather than 503.
 */
public class RecordTooLargeException extends RuntimeException {

  public RecordTooLargeException(String message, Throwable cause) {
    super(message, cause);
  }
}
