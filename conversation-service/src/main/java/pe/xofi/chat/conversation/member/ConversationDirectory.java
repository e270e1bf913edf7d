package pe.xofi.chat.conversation.member;

import java.time.Instant;
import pe.xofi.chat.schemas.inbound.Channel;

/**
 * Keeps the operators' projection of each conversation ({@code agent_conversation}) current; one
 * row per conversation key, upserted after every handled message.
 */
public interface ConversationDirectory {

  /** Inserts or updates the row of {@code conversation.conversationKey()}. */
  void record(AgentConversation conversation);

  /**
   * The seed's AgentConversation as operators see it.
   *
   * @param conversationKey  textual conversation key ({@code wa:51987654321})
   * @param channel          the channel
   * @param whatsappPhone    phone digits on WhatsApp, else null
   * @param telegramChatId   chat id on Telegram, else null
   * @param telegramUsername Telegram user name when known, else null
   * @param partnerId        the authenticated partner, else null
   * @param authenticated    whether a session is open
   * @param contextJson      the pending form and other context as a JSON object (no DNI or birth year)
   * @param lastMessageAt    the received-at of the latest message
   */
  record AgentConversation(
      String conversationKey,
      Channel channel,
      String whatsappPhone,
      String telegramChatId,
      String telegramUsername,
      Long partnerId,
      boolean authenticated,
      String contextJson,
      Instant lastMessageAt) {}
}
