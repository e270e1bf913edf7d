package pe.xofi.chat.conversation.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import pe.xofi.chat.schemas.inbound.Channel;

/**
 * What the engine remembers about one conversation between two messages. A provider retry of a
 * message id among the last {@value #RECENT_MESSAGE_IDS} handled is a duplicate.
 *
 * @param channel          the channel of the conversation
 * @param lastActivityAt   received-at of the last message handled, null before the first
 * @param recentMessageIds provider message ids handled most recently, oldest first
 */
public record ConversationState(Channel channel, Instant lastActivityAt, List<String> recentMessageIds) {

  /** How many handled message ids a conversation remembers for dedupe. */
  public static final int RECENT_MESSAGE_IDS = 64;

  public ConversationState {
    recentMessageIds = recentMessageIds == null ? List.of() : List.copyOf(recentMessageIds);
  }

  /** The state of a conversation that has not handled any message yet. */
  public static ConversationState start(Channel channel) {
    return new ConversationState(channel, null, List.of());
  }

  /** Whether {@code messageId} was handled recently, so this copy is a provider retry. */
  public boolean hasHandled(String messageId) {
    return recentMessageIds.contains(messageId);
  }

  /** The state after handling {@code messageId} at {@code at}, forgetting the oldest id if full. */
  public ConversationState afterHandling(String messageId, Instant at) {
    List<String> ids = new ArrayList<>(recentMessageIds);
    ids.add(messageId);
    int excess = ids.size() - RECENT_MESSAGE_IDS;
    List<String> kept = excess > 0 ? ids.subList(excess, ids.size()) : ids;
    return new ConversationState(channel, at, kept);
  }
}
