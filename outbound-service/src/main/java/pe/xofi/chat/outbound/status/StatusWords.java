package pe.xofi.chat.outbound.status;

import java.util.Optional;
import pe.xofi.chat.schemas.delivery.DeliveryStatus;
import pe.xofi.chat.schemas.inbound.Provider;

/**
 * Which provider status words become a delivery event: {@code delivered}, {@code read} (and WHAPI's
 * {@code played}, which a member can only do after reading) and {@code failed}; {@code pending} and
 * {@code sent} repeat what the send already recorded, and {@code deleted} or unknown words say nothing
 * about delivery.
 */
final class StatusWords {

  private StatusWords() {}

  /** The delivery status that {@code provider}'s lower-case {@code word} reports, if it needs an event. */
  static Optional<DeliveryStatus> of(Provider provider, String word) {
    if (provider == Provider.TELEGRAM || word == null) {
      // the Bot API has no delivery receipts
      return Optional.empty();
    }
    return switch (word) {
      case "delivered" -> Optional.of(DeliveryStatus.DELIVERED);
      case "read" -> Optional.of(DeliveryStatus.READ);
      case "played" -> provider == Provider.WHAPI ? Optional.of(DeliveryStatus.READ) : Optional.empty();
      case "failed" -> Optional.of(DeliveryStatus.FAILED);
      default -> Optional.empty();
    };
  }
}
