package pe.xofi.chat.conversation.member.postgres;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.r2dbc.core.Parameter;
import pe.xofi.chat.conversation.member.ReceiptInbox;
import pe.xofi.chat.conversation.member.SourceMessage;
import reactor.core.publisher.Mono;

/**
 * Registers payment receipts in {@code payment_receipt} as {@code PENDING_FILE} (the outbound
 * service stores the file), numbered {@code RC-} + the sequence value in at least 6 digits; a
 * message already seen (same partner, conversation and {@code source_message_id}) gets its receipt
 * back, and no other row is ever returned. The conversation key also lets the media stage store a
 * file only on a receipt of the conversation that sent it.
 */
public final class PostgresReceiptInbox implements ReceiptInbox {

  // nextval only when the message has no receipt yet: a re-processed message burns no number
  private static final String REGISTER =
      """
      WITH seq AS (
        SELECT nextval('payment_receipt_number_seq') AS n
        WHERE NOT EXISTS (
          SELECT 1 FROM payment_receipt
          WHERE partner_id = :partnerId AND conversation_key = :conversationKey AND source_message_id = :sourceMessageId)
      )
      INSERT INTO payment_receipt
        (number, partner_id, amount, paid_on, provider, media_id, media_link, mime_type, file_name, size_bytes,
         conversation_key, source_message_id)
      SELECT 'RC-' || lpad(n::text, greatest(6, length(n::text)), '0'),
             :partnerId, :amount, :paidOn, :provider, :mediaId, :mediaLink, :mimeType, :fileName, :sizeBytes,
             :conversationKey, :sourceMessageId
      FROM seq
      ON CONFLICT (partner_id, conversation_key, source_message_id) DO NOTHING
      RETURNING number, amount, paid_on
      """;

  private static final String FIND =
      """
      SELECT number, amount, paid_on FROM payment_receipt
      WHERE partner_id = :partnerId AND conversation_key = :conversationKey AND source_message_id = :sourceMessageId
      """;

  private final BlockingDatabase database;

  public PostgresReceiptInbox(BlockingDatabase database) {
    this.database = database;
  }

  @Override
  public Receipt register(
      long partnerId, BigDecimal amount, LocalDate paidOn, MediaFile file, SourceMessage source) {
    Mono<Receipt> registered =
        database
            .client()
            .sql(REGISTER)
            .bind("partnerId", partnerId)
            .bind("amount", amount)
            .bind("paidOn", paidOn)
            .bind("provider", file.provider().name())
            .bind("mediaId", file.mediaId())
            .bind("mediaLink", Parameter.fromOrEmpty(file.link(), String.class))
            .bind("mimeType", Parameter.fromOrEmpty(file.mimeType(), String.class))
            .bind("fileName", Parameter.fromOrEmpty(file.fileName(), String.class))
            .bind("sizeBytes", Parameter.fromOrEmpty(file.sizeBytes(), Long.class))
            .bind("conversationKey", source.conversation().toString())
            .bind("sourceMessageId", source.messageId())
            .map(PostgresReceiptInbox::receipt)
            .one();
    Mono<Receipt> existing =
        database
            .client()
            .sql(FIND)
            .bind("partnerId", partnerId)
            .bind("conversationKey", source.conversation().toString())
            .bind("sourceMessageId", source.messageId())
            .map(PostgresReceiptInbox::receipt)
            .one();
    return database
        .one("register payment receipt", registered.switchIfEmpty(existing))
        .orElseThrow(() -> new IllegalStateException("payment receipt neither inserted nor found"));
  }

  private static Receipt receipt(Readable row) {
    return new Receipt(
        row.get("number", String.class), row.get("amount", BigDecimal.class), row.get("paid_on", LocalDate.class));
  }
}
