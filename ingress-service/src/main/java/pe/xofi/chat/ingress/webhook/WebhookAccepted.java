package pe.xofi.chat.ingress.webhook;

/**
 * The 200 answer of a webhook, sent only once Kafka holds every record it caused.
 *
 * @param status   always {@code accepted}
 * @param messages records published on inbound-messages
 * @param statuses records published on provider-statuses
 */
public record WebhookAccepted(String status, int messages, int statuses) {

  public static WebhookAccepted of(int messages, int statuses) {
    return new WebhookAccepted("accepted", messages, statuses);
  }
}
