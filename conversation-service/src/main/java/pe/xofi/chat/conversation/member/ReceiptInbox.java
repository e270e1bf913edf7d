package pe.xofi.chat.conversation.member;

import java.math.BigDecimal;
import java.time.LocalDate;
import pe.xofi.chat.schemas.inbound.Provider;

/** Registers payment receipts, idempotently on the message that carried the file. */
public interface ReceiptInbox {

  /**
   * Registers a receipt, or returns the one already registered for {@code sourceMessageId}, so a
   * re-processed message answers with the same receipt number.
   */
  Receipt register(long partnerId, BigDecimal amount, LocalDate paidOn, MediaFile file, String sourceMessageId);

  /** The provider's file of a receipt, to be downloaded by the outbound service. */
  record MediaFile(Provider provider, String mediaId, String link, String mimeType, Long sizeBytes, String fileName) {}

  /** A registered receipt: its number ({@code RC-000001}), amount and payment date. */
  record Receipt(String number, BigDecimal amount, LocalDate paidOn) {}
}
