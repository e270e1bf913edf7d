package pe.xofi.chat.ingress.webhook;

import org.springframework.http.HttpStatus;

/**
 * Why a webhook request is refused before anything is published; the message names the problem for
 * the caller and never contains the body.
 */
public abstract sealed class WebhookRejection extends RuntimeException {

  private final HttpStatus status;

  private WebhookRejection(HttpStatus status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }

  /** The request does not carry the credential its provider is configured with, or none is. */
  public static final class Unauthorized extends WebhookRejection {
    public Unauthorized() {
      this("missing or wrong webhook secret");
    }

    public Unauthorized(String message) {
      super(HttpStatus.UNAUTHORIZED, message);
    }
  }

  /** The request is for a provider this ingress does not serve (XOFI_WEBHOOK_PROVIDERS). */
  public static final class NotServed extends WebhookRejection {
    public NotServed() {
      // the wording of Spring's own 404, so a provider not served looks like no endpoint at all
      super(HttpStatus.NOT_FOUND, "not found");
    }
  }

  /** The body is larger than the configured limit. */
  public static final class PayloadTooLarge extends WebhookRejection {
    public PayloadTooLarge(long maxBytes) {
      super(HttpStatus.CONTENT_TOO_LARGE, "body larger than " + maxBytes + " bytes");
    }
  }

  /** The body is not JSON at all. */
  public static final class InvalidJson extends WebhookRejection {
    public InvalidJson(String problem) {
      super(HttpStatus.BAD_REQUEST, "invalid JSON: " + problem);
    }
  }

  /** The webhook carries more messages and statuses than one webhook may; nothing is published. */
  public static final class TooManyMessages extends WebhookRejection {
    public TooManyMessages(int items, int maxItems) {
      super(HttpStatus.CONTENT_TOO_LARGE,
          "webhook carries " + items + " messages and statuses; at most " + maxItems + " are accepted");
    }
  }

  /**
   * A message of the webhook would be a Kafka record larger than the producer may send, a permanent
   * refusal that no retry cures; nothing is published.
   */
  public static final class RecordTooLarge extends WebhookRejection {
    public RecordTooLarge(String detail) {
      super(HttpStatus.CONTENT_TOO_LARGE, "a message of the webhook is too large to publish: " + detail);
    }
  }

  /** Every item of the webhook is refused (an id or link over its cap), so none is published. */
  public static final class EveryItemRefused extends WebhookRejection {
    public EveryItemRefused(String reasons) {
      super(HttpStatus.UNPROCESSABLE_CONTENT, "every message of the webhook is refused: " + reasons);
    }
  }

  /** The body is JSON but not the shape of a webhook of this provider. */
  public static final class NotAWebhook extends WebhookRejection {
    public NotAWebhook(String problem) {
      super(HttpStatus.BAD_REQUEST, "not a webhook: " + problem);
    }
  }
}
