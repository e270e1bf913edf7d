package pe.xofi.chat.outbound.media;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Receipts and their files in conversation-service's PostgreSQL schema. A receipt is found only by
 * its number within the conversation that registered it, so a download never touches another
 * member's receipt. Storing is idempotent (one {@code receipt_file} per receipt, {@code ON CONFLICT
 * DO NOTHING}); a stored receipt is never marked FAILED. Any database error or timeout is a {@link
 * TransientMediaFailure}.
 */
public class ReceiptRepository {

  static final int REASON_LENGTH = 500;

  private final DatabaseClient db;
  private final TransactionalOperator transaction;
  private final Duration timeout;

  public ReceiptRepository(DatabaseClient db, TransactionalOperator transaction, Duration timeout) {
    this.db = db;
    this.transaction = transaction;
    this.timeout = timeout;
  }

  /** The receipt numbered {@code number} ({@code RC-000001}) of conversation {@code conversationKey}, if any. */
  public Optional<Receipt> find(String number, String conversationKey) {
    return blocking(db.sql(
            "SELECT id, status FROM payment_receipt WHERE number = :number AND conversation_key = :key")
        .bind("number", number)
        .bind("key", conversationKey)
        .map(row -> new Receipt(row.get("id", Long.class), ReceiptStatus.valueOf(row.get("status", String.class))))
        .one())
        .blockOptional();
  }

  /** Keeps {@code file} for receipt {@code receiptId} and marks the receipt STORED, in one transaction. */
  public void store(long receiptId, ReceiptFile file, Instant now) {
    DatabaseClient.GenericExecuteSpec insert = db.sql("""
            INSERT INTO receipt_file (receipt_id, bytes, sha256, size_bytes, mime_type, stored_at)
            VALUES (:receiptId, :bytes, :sha256, :size, :mimeType, :now)
            ON CONFLICT (receipt_id) DO NOTHING""")
        .bind("receiptId", receiptId)
        .bind("bytes", file.bytes())
        .bind("sha256", file.sha256())
        .bind("size", file.size())
        .bind("now", now);
    insert = file.mimeType() == null
        ? insert.bindNull("mimeType", String.class)
        : insert.bind("mimeType", file.mimeType());
    Mono<Long> markStored = db.sql("""
            UPDATE payment_receipt SET status = 'STORED', failure_reason = NULL, updated_at = :now
            WHERE id = :receiptId""")
        .bind("now", now)
        .bind("receiptId", receiptId)
        .fetch().rowsUpdated();
    blocking(insert.fetch().rowsUpdated().then(markStored).as(transaction::transactional)).block();
  }

  /**
   * Marks receipt {@code number} of conversation {@code conversationKey} FAILED with {@code reason}
   * unless it is STORED; whether a row changed.
   */
  public boolean markFailed(String number, String conversationKey, String reason, Instant now) {
    String bounded = reason.length() <= REASON_LENGTH ? reason : reason.substring(0, REASON_LENGTH);
    Long changed = blocking(db.sql("""
            UPDATE payment_receipt SET status = 'FAILED', failure_reason = :reason, updated_at = :now
            WHERE number = :number AND conversation_key = :key AND status <> 'STORED'""")
        .bind("reason", bounded)
        .bind("now", now)
        .bind("number", number)
        .bind("key", conversationKey)
        .fetch().rowsUpdated())
        .block();
    return changed != null && changed > 0;
  }

  private <T> Mono<T> blocking(Mono<T> query) {
    return query
        .timeout(timeout)
        .onErrorMap(e -> !(e instanceof MediaFailure),
            e -> new TransientMediaFailure("database unavailable: " + MediaFailure.rootCause(e), e));
  }
}
