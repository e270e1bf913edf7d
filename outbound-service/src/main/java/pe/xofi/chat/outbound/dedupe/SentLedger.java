package pe.xofi.chat.outbound.dedupe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import pe.xofi.chat.schemas.inbound.Provider;
import reactor.core.publisher.Mono;

/**
 * The replies this service has sent, in its own table {@code outbound.sent_message}, unique on the
 * conversation and the reply id: a reply found here is never sent again, whatever Kafka redelivers,
 * and a reply id that another conversation used (ids are built from provider message ids, which a
 * forged webhook can repeat) never stops this conversation's reply. The key holds the SHA-256 of the
 * reply id, so an id of any length can be recorded. Provider status callbacks are matched to replies
 * by the provider message id within the conversation they name.
 */
public class SentLedger {

  /** The row of one reply: its conversation and the SHA-256 of its id ({@code reply_id_sha256}). */
  private static final String THE_REPLY =
      "conversation_key = :key AND reply_id_sha256 = outbound.reply_key(CAST(:replyId AS text))";

  private static final String FIND =
      "SELECT reply_id, conversation_key, provider, provider_message_id, sent_at FROM outbound.sent_message WHERE "
          + THE_REPLY;

  private static final String MARK_READ =
      "UPDATE outbound.sent_message SET read_at = COALESCE(read_at, :at), delivered_at = COALESCE(delivered_at, :at)"
          + " WHERE " + THE_REPLY;

  private static final String MARK_FAILED =
      "UPDATE outbound.sent_message SET failed_at = :at WHERE failed_at IS NULL AND " + THE_REPLY;

  private static final String MARK_DELIVERED =
      "UPDATE outbound.sent_message SET delivered_at = :at WHERE delivered_at IS NULL AND " + THE_REPLY;

  private final DatabaseClient db;
  private final Duration timeout;

  public SentLedger(DatabaseClient db, Duration timeout) {
    this.db = db;
    this.timeout = timeout;
  }

  /** The reply {@code replyId} of conversation {@code conversationKey} if it was already sent. */
  public Optional<SentReply> find(String conversationKey, String replyId) {
    return blocking(db.sql(FIND)
        .bind("key", conversationKey)
        .bind("replyId", replyId)
        .map(SentLedger::sentReply)
        .one())
        .blockOptional();
  }

  /** Records {@code reply} as sent; a second record of the same reply in its conversation changes nothing. */
  public void record(SentReply reply) {
    DatabaseClient.GenericExecuteSpec insert = db.sql("""
            INSERT INTO outbound.sent_message (reply_id, conversation_key, provider, provider_message_id, sent_at)
            VALUES (:replyId, :key, :provider, :providerMessageId, :sentAt)
            ON CONFLICT (conversation_key, reply_id_sha256) DO NOTHING""")
        .bind("replyId", reply.replyId())
        .bind("key", reply.conversationKey())
        .bind("provider", reply.provider().name())
        .bind("sentAt", reply.sentAt());
    insert = reply.providerMessageId() == null
        ? insert.bindNull("providerMessageId", String.class)
        : insert.bind("providerMessageId", reply.providerMessageId());
    blocking(insert.fetch().rowsUpdated()).block();
  }

  /**
   * The reply sent in conversation {@code conversationKey} whose provider message id is {@code
   * providerMessageId}, with its reported statuses; a status naming another conversation finds none.
   */
  public Optional<TrackedReply> findTracked(Provider provider, String conversationKey, String providerMessageId) {
    return blocking(db.sql("""
            SELECT reply_id, conversation_key, provider, provider_message_id, sent_at, delivered_at, read_at, failed_at
            FROM outbound.sent_message
            WHERE provider = :provider AND provider_message_id = :id AND conversation_key = :key""")
        .bind("provider", provider.name())
        .bind("id", providerMessageId)
        .bind("key", conversationKey)
        .map(row -> new TrackedReply(sentReply(row), instant(row, "delivered_at"), instant(row, "read_at"),
            instant(row, "failed_at")))
        .first())
        .blockOptional();
  }

  /** Notes that the provider reported {@code reply} read at {@code at}; read implies delivered. */
  public void markRead(SentReply reply, Instant at) {
    mark(MARK_READ, reply, at);
  }

  /** Notes that the provider reported {@code reply} failed at {@code at} (the first report counts). */
  public void markFailed(SentReply reply, Instant at) {
    mark(MARK_FAILED, reply, at);
  }

  /** Notes that the provider delivered {@code reply} at {@code at} (the first report counts). */
  public void markDelivered(SentReply reply, Instant at) {
    mark(MARK_DELIVERED, reply, at);
  }

  /**
   * Replies sent before {@code sentBefore} with no delivered or failed status and not reported yet, at
   * most {@code limit}; they are marked reported so each is counted once.
   */
  public List<SentReply> takeUndelivered(Instant sentBefore, Instant now, int limit) {
    return blocking(db.sql("""
            UPDATE outbound.sent_message SET overdue_reported_at = :now
            WHERE (conversation_key, reply_id_sha256) IN (
              SELECT conversation_key, reply_id_sha256 FROM outbound.sent_message
              WHERE delivered_at IS NULL AND overdue_reported_at IS NULL AND failed_at IS NULL
                AND sent_at < :sentBefore
              ORDER BY sent_at LIMIT :limit FOR UPDATE SKIP LOCKED)
            RETURNING reply_id, conversation_key, provider, provider_message_id, sent_at""")
        .bind("now", now).bind("sentBefore", sentBefore).bind("limit", limit)
        .map(SentLedger::sentReply)
        .all().collectList())
        .block();
  }

  private void mark(String update, SentReply reply, Instant at) {
    blocking(db.sql(update)
        .bind("at", at)
        .bind("key", reply.conversationKey())
        .bind("replyId", reply.replyId())
        .fetch().rowsUpdated()).block();
  }

  private static SentReply sentReply(io.r2dbc.spi.Readable row) {
    return new SentReply(row.get("reply_id", String.class), row.get("conversation_key", String.class),
        Provider.valueOf(row.get("provider", String.class)), row.get("provider_message_id", String.class),
        row.get("sent_at", java.time.OffsetDateTime.class).toInstant());
  }

  private static Instant instant(io.r2dbc.spi.Readable row, String column) {
    java.time.OffsetDateTime at = row.get(column, java.time.OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  private <T> Mono<T> blocking(Mono<T> query) {
    return query.timeout(timeout).onErrorMap(e -> !(e instanceof LedgerUnavailable), LedgerUnavailable::new);
  }
}
