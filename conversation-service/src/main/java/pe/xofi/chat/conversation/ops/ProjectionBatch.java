package pe.xofi.chat.conversation.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pe.xofi.chat.conversation.ops.TranscriptLine.Direction;

/**
 * What one poll of the projector writes, merged so that one multi-row upsert per table can take it
 * (an {@code ON CONFLICT DO UPDATE} may touch each row once): one transcript row per conversation,
 * message id and direction, the later record's known fields over the earlier's, as one upsert after
 * another would leave it; one operators' view per conversation, the latest. Provider message ids are
 * unique only within a conversation, so two conversations' rows of the same id stay two rows.
 */
final class ProjectionBatch {

  private final Map<LineId, TranscriptRow> rows = new LinkedHashMap<>();
  private final Map<String, AgentConversation> conversations = new LinkedHashMap<>();

  /** Adds {@code line} of conversation {@code key} on {@code channel}. */
  void line(String key, String channel, TranscriptLine line) {
    merge(new TranscriptRow(key, channel, line));
  }

  /** Adds the intent of the member's message {@code messageId}, whether or not its line is in this batch. */
  void intent(String key, String messageId, String intent) {
    merge(new TranscriptRow(key, null, new TranscriptLine(Direction.IN, messageId, null, null, intent, null)));
  }

  /** Adds the operators' view of a conversation; of one key, the batch keeps the latest. */
  void conversation(AgentConversation conversation) {
    conversations.merge(
        conversation.conversationKey(), conversation, (kept, next) -> next.isNotOlderThan(kept) ? next : kept);
  }

  /** The transcript rows, one per conversation, message id and direction, in order of first appearance. */
  List<TranscriptRow> rows() {
    return new ArrayList<>(rows.values());
  }

  /** The latest view of each conversation of the batch. */
  List<AgentConversation> conversations() {
    return new ArrayList<>(conversations.values());
  }

  private void merge(TranscriptRow row) {
    rows.merge(
        new LineId(row.conversationKey(), row.line().messageId(), row.line().direction()),
        row,
        TranscriptRow::overwrittenBy);
  }

  private record LineId(String conversationKey, String messageId, Direction direction) {}

  /**
   * One row of {@code conversation_message}; null fields are unknown and leave the stored value as is.
   *
   * @param conversationKey the conversation, part of the row's key
   * @param channel         the channel's name, null when unknown (an intent alone)
   * @param line            the line; an intent alone has only direction, message id and intent
   */
  record TranscriptRow(String conversationKey, String channel, TranscriptLine line) {

    /** This row with the known fields of {@code later} written over it. */
    TranscriptRow overwrittenBy(TranscriptRow later) {
      TranscriptLine a = line;
      TranscriptLine b = later.line();
      return new TranscriptRow(
          conversationKey,
          or(later.channel(), channel),
          new TranscriptLine(
              a.direction(),
              a.messageId(),
              or(b.inReplyTo(), a.inReplyTo()),
              or(b.text(), a.text()),
              or(b.intent(), a.intent()),
              or(b.occurredAt(), a.occurredAt())));
    }

    private static <T> T or(T preferred, T fallback) {
      return preferred != null ? preferred : fallback;
    }
  }
}
