package pe.xofi.chat.conversation.ops;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import pe.xofi.chat.schemas.events.ConversationEvent;
import pe.xofi.chat.schemas.events.ConversationSnapshot;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;

/**
 * The seed's AgentConversation as operators see it, one row of {@code agent_conversation} per
 * conversation key: the conversation after its latest handled message.
 *
 * @param conversationKey  textual conversation key ({@code wa:51987654321})
 * @param channel          the channel
 * @param whatsappPhone    phone digits on WhatsApp, else null
 * @param telegramChatId   chat id on Telegram, else null
 * @param telegramUsername Telegram user name when known, else null
 * @param partnerId        the authenticated partner, else null
 * @param authenticated    whether a session is open
 * @param context          the pending form in the seed's {@code context_data} shape (no DNI or birth year)
 * @param lastMessageAt    the received-at of the latest handled message
 */
record AgentConversation(
    String conversationKey,
    Channel channel,
    String whatsappPhone,
    String telegramChatId,
    String telegramUsername,
    Long partnerId,
    boolean authenticated,
    Map<String, String> context,
    Instant lastMessageAt) {

  AgentConversation {
    context = context == null ? Map.of() : Map.copyOf(context);
  }

  /**
   * The row a {@code MESSAGE_HANDLED} fact with a snapshot leaves: the channel and its chat id from
   * the conversation key, the time from the fact.
   *
   * @throws IllegalArgumentException when the fact's key is not a conversation key
   */
  static AgentConversation of(ConversationEvent event) {
    ConversationSnapshot snapshot = Objects.requireNonNull(event.snapshot(), "snapshot");
    ConversationKey key = ConversationKey.parse(event.conversationKey());
    boolean whatsapp = key.channel() == Channel.WHATSAPP;
    return new AgentConversation(
        key.toString(),
        key.channel(),
        whatsapp ? key.id() : null,
        whatsapp ? null : key.id(),
        whatsapp ? null : snapshot.telegramUsername(),
        snapshot.partnerId(),
        snapshot.authenticated(),
        snapshot.context(),
        event.at());
  }

  /** Whether this row is at least as recent as {@code other}, so that it may replace it. */
  boolean isNotOlderThan(AgentConversation other) {
    return lastMessageAt == null ? other.lastMessageAt() == null
        : other.lastMessageAt() == null || !lastMessageAt.isBefore(other.lastMessageAt());
  }
}
