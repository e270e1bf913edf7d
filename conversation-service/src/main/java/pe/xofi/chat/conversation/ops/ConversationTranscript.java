package pe.xofi.chat.conversation.ops;

import java.time.Instant;
import java.util.List;

/**
 * A member's conversation as support staff see it: its state (from the operators' projection
 * {@code agent_conversation}) and its latest lines, oldest first.
 *
 * @param conversationKey the conversation ({@code wa:51987654321})
 * @param state           the conversation's state, null when the engine never handled a message of it
 * @param lines           the transcript, oldest first, at most {@link TranscriptStore#MAX_LINES}
 */
public record ConversationTranscript(String conversationKey, State state, List<TranscriptLine> lines) {

  public ConversationTranscript {
    lines = List.copyOf(lines);
  }

  /**
   * @param partnerId     the identified member, null without a session
   * @param authenticated whether a session is open
   * @param context       the pending form in the seed's shape ({@code {"pending_action":"create_ticket",…}})
   * @param lastMessageAt received-at of the latest handled message
   */
  public record State(Long partnerId, boolean authenticated, String context, Instant lastMessageAt) {}
}
