package pe.xofi.chat.conversation.ops;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.Parameter;
import pe.xofi.chat.conversation.member.postgres.BlockingDatabase;
import pe.xofi.chat.conversation.ops.ConversationTranscript.State;
import pe.xofi.chat.conversation.ops.TranscriptLine.Direction;
import reactor.core.publisher.Mono;

/**
 * The {@code conversation_message} table: lines are written once per message id and direction (a
 * re-delivered record changes nothing), and the intent may arrive before or after its message.
 */
public final class TranscriptStore {

  /** The most lines one transcript answer carries (the latest ones). */
  public static final int MAX_LINES = 500;

  private static final String UPSERT_LINE =
      """
      INSERT INTO conversation_message (conversation_key, direction, message_id, in_reply_to, channel, text, occurred_at)
      VALUES (:key, :direction, :messageId, :inReplyTo, :channel, :text, :occurredAt)
      ON CONFLICT (message_id, direction) DO UPDATE
        SET text = EXCLUDED.text, in_reply_to = EXCLUDED.in_reply_to, channel = EXCLUDED.channel,
            occurred_at = EXCLUDED.occurred_at
      """;

  private static final String UPSERT_INTENT =
      """
      INSERT INTO conversation_message (conversation_key, direction, message_id, intent)
      VALUES (:key, 'IN', :messageId, :intent)
      ON CONFLICT (message_id, direction) DO UPDATE SET intent = EXCLUDED.intent
      """;

  private static final String LINES =
      """
      SELECT * FROM (
        SELECT id, direction, message_id, in_reply_to, text, intent, occurred_at FROM conversation_message
        WHERE conversation_key = :key ORDER BY occurred_at DESC NULLS FIRST, id DESC LIMIT :limit
      ) latest ORDER BY occurred_at NULLS LAST, id
      """;

  private static final String STATE =
      "SELECT partner_id, authenticated, context_data::text AS context, last_message_at FROM agent_conversation"
          + " WHERE conversation_key = :key";

  private final BlockingDatabase database;

  public TranscriptStore(BlockingDatabase database) {
    this.database = database;
  }

  /** Writes {@code line} of conversation {@code key} (idempotent). */
  public void write(String key, String channel, TranscriptLine line) {
    database.one(
        "write transcript line",
        database.client().sql(UPSERT_LINE)
            .bind("key", key)
            .bind("direction", line.direction().name())
            .bind("messageId", line.messageId())
            .bind("inReplyTo", Parameter.fromOrEmpty(line.inReplyTo(), String.class))
            .bind("channel", Parameter.fromOrEmpty(channel, String.class))
            .bind("text", Parameter.fromOrEmpty(line.text(), String.class))
            .bind("occurredAt", Parameter.fromOrEmpty(line.occurredAt(), Instant.class))
            .fetch().rowsUpdated());
  }

  /** Records the intent of the member's message {@code messageId}, whether or not its line exists yet. */
  public void intent(String key, String messageId, String intent) {
    database.one(
        "write transcript intent",
        database.client().sql(UPSERT_INTENT).bind("key", key).bind("messageId", messageId).bind("intent", intent)
            .fetch().rowsUpdated());
  }

  /** The transcript of {@code key}: its state and latest lines. */
  public Mono<ConversationTranscript> transcript(String key) {
    Mono<List<TranscriptLine>> lines =
        database.client().sql(LINES).bind("key", key).bind("limit", MAX_LINES).map(TranscriptStore::line).all().collectList();
    Mono<java.util.Optional<State>> state =
        database.client().sql(STATE).bind("key", key).map(TranscriptStore::state).one()
            .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty());
    return Mono.zip(lines, state, (l, s) -> new ConversationTranscript(key, s.orElse(null), l));
  }

  private static TranscriptLine line(Readable row) {
    OffsetDateTime at = row.get("occurred_at", OffsetDateTime.class);
    return new TranscriptLine(
        Direction.valueOf(row.get("direction", String.class)),
        row.get("message_id", String.class),
        row.get("in_reply_to", String.class),
        row.get("text", String.class),
        row.get("intent", String.class),
        at == null ? null : at.toInstant());
  }

  private static State state(Readable row) {
    OffsetDateTime at = row.get("last_message_at", OffsetDateTime.class);
    return new State(
        row.get("partner_id", Long.class),
        Boolean.TRUE.equals(row.get("authenticated", Boolean.class)),
        row.get("context", String.class),
        at == null ? null : at.toInstant());
  }
}
