package pe.xofi.chat.outbound.status;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import pe.xofi.chat.outbound.dedupe.SentLedger;
import pe.xofi.chat.outbound.dedupe.TrackedReply;
import pe.xofi.chat.outbound.delivery.DeliveryMetrics;
import pe.xofi.chat.schemas.delivery.DeliveryEvent;
import pe.xofi.chat.schemas.delivery.DeliveryStatus;
import pe.xofi.chat.schemas.status.ProviderStatus;

/**
 * Turns a provider's delivered, read or failed status of a reply this service sent into one
 * delivery event for that reply, once: a status the ledger already has (providers report at least
 * once), a word that needs no event, and a message the bot did not send in the conversation the
 * status names write nothing. Read implies delivered, so a delivered report after a read one writes
 * nothing either.
 */
class StatusReconciler {

  private final SentLedger ledger;
  private final StatusEvents events;
  private final DeliveryMetrics deliveries;
  private final Clock clock;

  StatusReconciler(SentLedger ledger, StatusEvents events, DeliveryMetrics deliveries, Clock clock) {
    this.ledger = ledger;
    this.events = events;
    this.deliveries = deliveries;
    this.clock = clock;
  }

  StatusOutcome reconcile(ProviderStatus status, Headers headers) {
    Optional<DeliveryStatus> reported = StatusWords.of(status.provider(), status.status());
    if (reported.isEmpty()) {
      return StatusOutcome.IGNORED;
    }
    if (status.providerMessageId() == null) {
      return StatusOutcome.UNKNOWN_MESSAGE;
    }
    Optional<TrackedReply> tracked = ledger.findTracked(status.provider(), status.conversationKey(), status.providerMessageId());
    if (tracked.isEmpty()) {
      return StatusOutcome.UNKNOWN_MESSAGE;
    }
    TrackedReply reply = tracked.get();
    if (alreadyReported(reply, reported.get())) {
      return StatusOutcome.DUPLICATE;
    }
    // the event first: if it cannot be written the ledger stays unmarked and the retry writes it
    events.publish(new DeliveryEvent(reply.reply().replyId(), reply.reply().conversationKey(), status.provider(),
        status.providerMessageId(), reported.get(),
        reported.get() == DeliveryStatus.FAILED ? StatusError.of(status) : null,
        null, 0, null, null, clock.instant()), headers);
    deliveries.recorded(reported.get());
    mark(reply, reported.get(), reportedAt(status));
    return StatusOutcome.RECORDED;
  }

  private static boolean alreadyReported(TrackedReply reply, DeliveryStatus status) {
    return switch (status) {
      case DELIVERED -> reply.deliveredAt() != null;
      case READ -> reply.readAt() != null;
      case FAILED -> reply.failedAt() != null;
      default -> true;
    };
  }

  private void mark(TrackedReply reply, DeliveryStatus status, Instant at) {
    switch (status) {
      case DELIVERED -> ledger.markDelivered(reply.reply(), at);
      case READ -> ledger.markRead(reply.reply(), at);
      case FAILED -> ledger.markFailed(reply.reply(), at);
      default -> throw new IllegalArgumentException("no ledger mark for " + status);
    }
  }

  /** The provider's time of the status when it gave one, else when the ingress received it. */
  private Instant reportedAt(ProviderStatus status) {
    if (status.providerTimestamp() != null) {
      return status.providerTimestamp();
    }
    return status.receivedAt() != null ? status.receivedAt() : clock.instant();
  }
}
