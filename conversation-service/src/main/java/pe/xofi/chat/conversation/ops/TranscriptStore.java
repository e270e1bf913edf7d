package pe.xofi.chat.conversation.ops;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import pe.xofi.chat.conversation.member.postgres.BlockingDatabase;
import pe.xofi.chat.conversation.ops.ConversationTranscript.State;
import pe.xofi.chat.conversation.ops.ProjectionBatch.TranscriptRow;
import pe.xofi.chat.conversation.ops.TranscriptLine.Direction;
import reactor.core.publisher.Mono;

/**
 * The {@code conversation_message} table: lines are written once per conversation, message id and
 * direction (a re-delivered record changes nothing, and a line never takes another conversation's
 * text however its message id was chosen), a poll's worth in one statement, and the intent may
 * arrive before or after its message.
 */
public final class TranscriptStore {

  /** The most lines one transcript answer carries (the latest ones). */
  public static final int MAX_LINES = 500;

  /**
   * Every row of a batch in one statement; a null leaves the stored value, so a line and its intent
   * may come in either order and a re-delivered record changes nothing.
   */
  private static final String UPSERT_ROWS =
      """
      INSERT INTO conversation_message
        (conversation_key, direction, message_id, in_reply_to, channel, text, intent, occurred_at)
      SELECT * FROM unnest(
        CAST(:keys AS varchar[]), CAST(:directions AS varchar[]), CAST(:messageIds AS varchar[]),
        CAST(:inReplyTos AS varchar[]), CAST(:channels AS varchar[]), CAST(:texts AS text[]),
        CAST(:intents AS varchar[]), CAST(:occurredAts AS timestamptz[]))
      ON CONFLICT (conversation_key, message_id, direction) DO UPDATE SET
        in_reply_to = COALESCE(EXCLUDED.in_reply_to, conversation_message.in_reply_to),
        channel = COALESCE(EXCLUDED.channel, conversation_message.channel),
        text = COALESCE(EXCLUDED.text, conversation_message.text),
        intent = COALESCE(EXCLUDED.intent, conversation_message.intent),
        occurred_at = COALESCE(EXCLUDED.occurred_at, conversation_message.occurred_at)
      """;

  /**
   * The latest lines, oldest first; at the same instant (a reply is stamped with its message's
   * received-at) the member's line comes before the bot's, whichever the projector wrote first.
   */
  private static final String LINES =
      """
      SELECT * FROM (
        SELECT id, direction, message_id, in_reply_to, text, intent, occurred_at FROM conversation_message
        WHERE conversation_key = :key ORDER BY occurred_at DESC NULLS FIRST, direction DESC, id DESC LIMIT :limit
      ) latest ORDER BY occurred_at NULLS LAST, direction, id
      """;

  private static final String STATE =
      "SELECT partner_id, authenticated, context_data::text AS context, last_message_at FROM agent_conversation"
          + " WHERE conversation_key = :key";

  private final BlockingDatabase database;

  public TranscriptStore(BlockingDatabase database) {
    this.database = database;
  }

  /**
   * Writes {@code rows} in one statement (idempotent); at most one row per conversation, message id
   * and direction, as {@link ProjectionBatch} merges them.
   */
  void write(List<TranscriptRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    int n = rows.size();
    String[] keys = new String[n];
    String[] directions = new String[n];
    String[] messageIds = new String[n];
    String[] inReplyTos = new String[n];
    String[] channels = new String[n];
    String[] texts = new String[n];
    String[] intents = new String[n];
    Instant[] occurredAts = new Instant[n];
    for (int i = 0; i < n; i++) {
      TranscriptRow row = rows.get(i);
      TranscriptLine line = row.line();
      keys[i] = row.conversationKey();
      directions[i] = line.direction().name();
      messageIds[i] = line.messageId();
      inReplyTos[i] = line.inReplyTo();
      channels[i] = row.channel();
      texts[i] = line.text();
      intents[i] = line.intent();
      occurredAts[i] = line.occurredAt();
    }
    database.one(
        "write transcript lines",
        database.client().sql(UPSERT_ROWS)
            .bind("keys", keys)
            .bind("directions", directions)
            .bind("messageIds", messageIds)
            .bind("inReplyTos", inReplyTos)
            .bind("channels", channels)
            .bind("texts", texts)
            .bind("intents", intents)
            .bind("occurredAts", occurredAts)
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
