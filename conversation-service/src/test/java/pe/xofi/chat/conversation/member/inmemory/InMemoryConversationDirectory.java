package pe.xofi.chat.conversation.member.inmemory;

import java.util.LinkedHashMap;
import java.util.Map;
import pe.xofi.chat.conversation.member.ConversationDirectory;

/** {@link ConversationDirectory} in memory: the latest projection per conversation key. */
public final class InMemoryConversationDirectory implements ConversationDirectory {

  private final Map<String, AgentConversation> byKey = new LinkedHashMap<>();

  @Override
  public synchronized void record(AgentConversation conversation) {
    byKey.put(conversation.conversationKey(), conversation);
  }

  /** The latest projection of {@code conversationKey}, or null. */
  public synchronized AgentConversation get(String conversationKey) {
    return byKey.get(conversationKey);
  }
}
