package pe.xofi.chat.conversation.member;

import java.math.BigDecimal;
import java.time.LocalDate;
import pe.xofi.chat.schemas.inbound.Provider;

/** Registers payment receipts, idempotently on the message that carried the file. */
public interface ReceiptInbox {

  /**
   * Registers a receipt of {@code source}'s conversation, or returns the one this partner already
   * registered with {@code source} in that conversation, so a re-processed message answers with the
   * same receipt number; another partner's or conversation's receipt is never returned.
   */
  Receipt register(long partnerId, BigDecimal amount, LocalDate paidOn, MediaFile file, SourceMessage source);

  /** The provider's file of a receipt, to be downloaded by the outbound service. */
  record MediaFile(Provider provider, String mediaId, String link, String mimeType, Long sizeBytes, String fileName) {}

  /** A registered receipt: its number ({@code RC-000001}), amount and payment date. */
  record Receipt(String number, BigDecimal amount, LocalDate paidOn) {}
}
