package pe.xofi.chat.conversation.replay;

import java.math.BigDecimal;
import java.time.LocalDate;
import pe.xofi.chat.conversation.member.ReceiptInbox;
import pe.xofi.chat.conversation.member.SourceMessage;
import pe.xofi.chat.conversation.member.postgres.BlockingDatabase;

/**
 * The receipt inbox of a replay: registers nothing; answers with the receipt the live run
 * registered for the same partner and source message in the same conversation, or with {@value
 * #NOT_REGISTERED} and the replayed amount and date when the live run registered none.
 */
final class RecordedReceiptInbox implements ReceiptInbox {

  /** The number a replay shows for a receipt the live run never registered. */
  static final String NOT_REGISTERED = "RC-REPLAY";

  private static final String FIND =
      """
      SELECT number, amount, paid_on FROM payment_receipt
      WHERE partner_id = :partnerId AND conversation_key = :conversationKey AND source_message_id = :id
      """;

  private final BlockingDatabase database;

  RecordedReceiptInbox(BlockingDatabase database) {
    this.database = database;
  }

  @Override
  public Receipt register(long partnerId, BigDecimal amount, LocalDate paidOn, MediaFile file, SourceMessage source) {
    return database
        .one(
            "find payment receipt",
            database.client().sql(FIND)
                .bind("partnerId", partnerId)
                .bind("conversationKey", source.conversation().toString())
                .bind("id", source.messageId())
                .map(row -> new Receipt(
                    row.get("number", String.class),
                    row.get("amount", BigDecimal.class),
                    row.get("paid_on", LocalDate.class)))
                .one())
        .orElseGet(() -> new Receipt(NOT_REGISTERED, amount, paidOn));
  }
}
