package pe.xofi.chat.outbound.dedupe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import pe.xofi.chat.schemas.inbound.Provider;
import reactor.core.publisher.Mono;

/**
 * The replies this service has sent, in its own table {@code outbound.sent_message} (unique on the
 * reply id): a reply found here is never sent again, whatever Kafka redelivers. Provider status
 * callbacks are matched to replies by the provider message id.
 */
public class SentLedger {

  private final DatabaseClient db;
  private final Duration timeout;

  public SentLedger(DatabaseClient db, Duration timeout) {
    this.db = db;
    this.timeout = timeout;
  }

  /** The reply {@code replyId} if it was already sent. */
  public Optional<SentReply> find(String replyId) {
    return blocking(db.sql("""
            SELECT reply_id, conversation_key, provider, provider_message_id, sent_at
            FROM outbound.sent_message WHERE reply_id = :replyId""")
        .bind("replyId", replyId)
        .map(SentLedger::sentReply)
        .one())
        .blockOptional();
  }

  /** Records {@code reply} as sent; a second record of the same reply id changes nothing. */
  public void record(SentReply reply) {
    DatabaseClient.GenericExecuteSpec insert = db.sql("""
            INSERT INTO outbound.sent_message (reply_id, conversation_key, provider, provider_message_id, sent_at)
            VALUES (:replyId, :key, :provider, :providerMessageId, :sentAt)
            ON CONFLICT (reply_id) DO NOTHING""")
        .bind("replyId", reply.replyId())
        .bind("key", reply.conversationKey())
        .bind("provider", reply.provider().name())
        .bind("sentAt", reply.sentAt());
    insert = reply.providerMessageId() == null
        ? insert.bindNull("providerMessageId", String.class)
        : insert.bind("providerMessageId", reply.providerMessageId());
    blocking(insert.fetch().rowsUpdated()).block();
  }

  /** The sent reply whose provider message id is {@code providerMessageId}, if this service sent it. */
  public Optional<SentReply> findByProviderMessageId(Provider provider, String providerMessageId) {
    return blocking(db.sql("""
            SELECT reply_id, conversation_key, provider, provider_message_id, sent_at
            FROM outbound.sent_message WHERE provider = :provider AND provider_message_id = :id""")
        .bind("provider", provider.name())
        .bind("id", providerMessageId)
        .map(SentLedger::sentReply)
        .first())
        .blockOptional();
  }

  /** The sent reply whose provider message id is {@code providerMessageId}, with its reported statuses. */
  public Optional<TrackedReply> findTracked(Provider provider, String providerMessageId) {
    return blocking(db.sql("""
            SELECT reply_id, conversation_key, provider, provider_message_id, sent_at, delivered_at, read_at, failed_at
            FROM outbound.sent_message WHERE provider = :provider AND provider_message_id = :id""")
        .bind("provider", provider.name())
        .bind("id", providerMessageId)
        .map(row -> new TrackedReply(sentReply(row), instant(row, "delivered_at"), instant(row, "read_at"),
            instant(row, "failed_at")))
        .first())
        .blockOptional();
  }

  /** Notes that the provider reported reply {@code replyId} read at {@code at}; read implies delivered. */
  public void markRead(String replyId, Instant at) {
    blocking(db.sql("""
            UPDATE outbound.sent_message SET read_at = COALESCE(read_at, :at), delivered_at = COALESCE(delivered_at, :at)
            WHERE reply_id = :replyId""")
        .bind("at", at).bind("replyId", replyId).fetch().rowsUpdated()).block();
  }

  /** Notes that the provider reported reply {@code replyId} failed at {@code at} (the first report counts). */
  public void markFailed(String replyId, Instant at) {
    blocking(db.sql("""
            UPDATE outbound.sent_message SET failed_at = :at
            WHERE reply_id = :replyId AND failed_at IS NULL""")
        .bind("at", at).bind("replyId", replyId).fetch().rowsUpdated()).block();
  }

  /** Notes that the provider delivered reply {@code replyId} at {@code at} (the first report counts). */
  public void markDelivered(String replyId, Instant at) {
    blocking(db.sql("""
            UPDATE outbound.sent_message SET delivered_at = :at
            WHERE reply_id = :replyId AND delivered_at IS NULL""")
        .bind("at", at).bind("replyId", replyId).fetch().rowsUpdated()).block();
  }

  /**
   * Replies sent before {@code sentBefore} with no delivered or failed status and not reported yet, at
   * most {@code limit}; they are marked reported so each is counted once.
   */
  public List<SentReply> takeUndelivered(Instant sentBefore, Instant now, int limit) {
    return blocking(db.sql("""
            UPDATE outbound.sent_message SET overdue_reported_at = :now
            WHERE reply_id IN (
              SELECT reply_id FROM outbound.sent_message
              WHERE delivered_at IS NULL AND overdue_reported_at IS NULL AND failed_at IS NULL
                AND sent_at < :sentBefore
              ORDER BY sent_at LIMIT :limit FOR UPDATE SKIP LOCKED)
            RETURNING reply_id, conversation_key, provider, provider_message_id, sent_at""")
        .bind("now", now).bind("sentBefore", sentBefore).bind("limit", limit)
        .map(SentLedger::sentReply)
        .all().collectList())
        .block();
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
