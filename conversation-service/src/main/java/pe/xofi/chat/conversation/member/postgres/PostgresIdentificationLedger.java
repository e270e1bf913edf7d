package pe.xofi.chat.conversation.member.postgres;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import pe.xofi.chat.conversation.member.IdentificationLedger;

/**
 * Failed identifications in {@code identification_failure}, one row per (partner, conversation,
 * provider message id): inserting the same attempt again changes nothing.
 */
public final class PostgresIdentificationLedger implements IdentificationLedger {

  private static final String SINCE =
      """
      SELECT conversation_key, message_id, failed_at FROM identification_failure
      WHERE partner_id = :partnerId AND failed_at >= :since
      ORDER BY failed_at, conversation_key, message_id
      """;

  // one statement, so the insert and the pruning of the member's stale rows succeed or fail together
  private static final String RECORD =
      """
      WITH pruned AS (
        DELETE FROM identification_failure WHERE partner_id = :partnerId AND failed_at < :forgetBefore
      )
      INSERT INTO identification_failure (partner_id, conversation_key, message_id, failed_at)
      VALUES (:partnerId, :conversationKey, :messageId, :at)
      ON CONFLICT (partner_id, conversation_key, message_id) DO NOTHING
      """;

  private static final String CLEAR =
      "DELETE FROM identification_failure WHERE partner_id = :partnerId AND failed_at <= :upTo";

  private final BlockingDatabase database;

  public PostgresIdentificationLedger(BlockingDatabase database) {
    this.database = database;
  }

  @Override
  public List<FailedIdentification> failuresSince(long partnerId, Instant since) {
    return database.all(
        "read failed identifications",
        database
            .client()
            .sql(SINCE)
            .bind("partnerId", partnerId)
            .bind("since", timestamp(since))
            .map(PostgresIdentificationLedger::failure)
            .all());
  }

  @Override
  public void recordFailure(long partnerId, String conversationKey, String messageId, Instant at, Instant forgetBefore) {
    database.one(
        "record failed identification",
        database
            .client()
            .sql(RECORD)
            .bind("partnerId", partnerId)
            .bind("conversationKey", conversationKey)
            .bind("messageId", messageId)
            .bind("at", timestamp(at))
            .bind("forgetBefore", timestamp(forgetBefore))
            .fetch()
            .rowsUpdated());
  }

  @Override
  public void clearFailures(long partnerId, Instant upTo) {
    database.one(
        "clear failed identifications",
        database
            .client()
            .sql(CLEAR)
            .bind("partnerId", partnerId)
            .bind("upTo", timestamp(upTo))
            .fetch()
            .rowsUpdated());
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static FailedIdentification failure(Readable row) {
    return new FailedIdentification(
        row.get("conversation_key", String.class),
        row.get("message_id", String.class),
        row.get("failed_at", OffsetDateTime.class).toInstant());
  }
}
