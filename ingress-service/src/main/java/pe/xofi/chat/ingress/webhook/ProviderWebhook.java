package pe.xofi.chat.ingress.webhook;

import java.util.List;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.status.ProviderStatus;

/** What one provider webhook body means for the pipeline, whichever provider sent it. */
public sealed interface ProviderWebhook {

  /**
   * Messages and statuses to publish, one record each, plus the items deliberately left out.
   *
   * @param messages  envelopes for inbound-messages, in webhook order
   * @param statuses  status callbacks for provider-statuses, in webhook order
   * @param skipped   items acknowledged without a record
   * @param cutFields the fields cut to their limit ({@link FieldLimits}), one entry per cut
   */
  record Batch(
      List<InboundEnvelope> messages, List<ProviderStatus> statuses, List<Skipped> skipped, List<String> cutFields)
      implements ProviderWebhook {

    public Batch {
      messages = List.copyOf(messages);
      statuses = List.copyOf(statuses);
      skipped = List.copyOf(skipped);
      cutFields = List.copyOf(cutFields);
    }

    /** A batch in which no field was cut. */
    public Batch(List<InboundEnvelope> messages, List<ProviderStatus> statuses, List<Skipped> skipped) {
      this(messages, statuses, skipped, List.of());
    }

    /** How many items the webhook carried: published, skipped or refused. */
    public int items() {
      return messages.size() + statuses.size() + skipped.size();
    }
  }

  /**
   * An event type the pipeline does not consume (chats, contacts, presences, ...): acknowledged so
   * that WHAPI does not retry it forever.
   *
   * @param eventType the webhook's {@code event.type}.{@code event.event}, sanitised for logs
   */
  record Unhandled(String eventType) implements ProviderWebhook {}

  /**
   * A message or status that is acknowledged but not published.
   *
   * @param itemId the provider's id of the message or status (not personal data), shortened to its
   *     first characters when it is over its cap ({@link FieldLimits#quoted})
   * @param reason why it was left out
   */
  record Skipped(String itemId, SkipReason reason) {}
}
