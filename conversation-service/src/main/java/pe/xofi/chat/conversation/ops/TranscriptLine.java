package pe.xofi.chat.conversation.ops;

import java.time.Instant;

/**
 * One line of a conversation's transcript.
 *
 * @param direction  {@code IN} (the member) or {@code OUT} (the bot)
 * @param messageId  the provider's message id, or the reply id {@code <inbound id>#<n>}
 * @param inReplyTo  for a reply, the member's message it answers
 * @param text       the text, or a summary for files and identifications
 * @param intent     for a member's message, the engine's intent label once known
 * @param occurredAt received-at of a member's message, decision time of a reply
 */
public record TranscriptLine(
    Direction direction, String messageId, String inReplyTo, String text, String intent, Instant occurredAt) {

  /** Who wrote the line. */
  public enum Direction {
    IN,
    OUT
  }
}
