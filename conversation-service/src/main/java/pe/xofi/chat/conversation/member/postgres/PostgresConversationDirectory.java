package pe.xofi.chat.conversation.member.postgres;

import java.time.Instant;
import org.springframework.r2dbc.core.Parameter;
import pe.xofi.chat.conversation.member.ConversationDirectory;

/**
 * Upserts the operators' projection {@code agent_conversation}, one row per conversation key; the
 * latest handled message wins (messages of one key arrive in order).
 */
public final class PostgresConversationDirectory implements ConversationDirectory {

  private static final String UPSERT =
      """
      INSERT INTO agent_conversation
        (conversation_key, channel, whatsapp_phone, telegram_chat_id, telegram_username, partner_id, authenticated,
         context_data, last_message_at, updated_at)
      VALUES
        (:conversationKey, :channel, :whatsappPhone, :telegramChatId, :telegramUsername, :partnerId, :authenticated,
         CAST(:contextData AS jsonb), :lastMessageAt, now())
      ON CONFLICT (conversation_key) DO UPDATE SET
        channel = EXCLUDED.channel,
        whatsapp_phone = EXCLUDED.whatsapp_phone,
        telegram_chat_id = EXCLUDED.telegram_chat_id,
        telegram_username = EXCLUDED.telegram_username,
        partner_id = EXCLUDED.partner_id,
        authenticated = EXCLUDED.authenticated,
        context_data = EXCLUDED.context_data,
        last_message_at = EXCLUDED.last_message_at,
        updated_at = now()
      """;

  private final BlockingDatabase database;

  public PostgresConversationDirectory(BlockingDatabase database) {
    this.database = database;
  }

  @Override
  public void record(AgentConversation conversation) {
    String context = conversation.contextJson() == null ? "{}" : conversation.contextJson();
    database.one(
        "record agent conversation",
        database
            .client()
            .sql(UPSERT)
            .bind("conversationKey", conversation.conversationKey())
            .bind("channel", conversation.channel().name())
            .bind("whatsappPhone", Parameter.fromOrEmpty(conversation.whatsappPhone(), String.class))
            .bind("telegramChatId", Parameter.fromOrEmpty(conversation.telegramChatId(), String.class))
            .bind("telegramUsername", Parameter.fromOrEmpty(conversation.telegramUsername(), String.class))
            .bind("partnerId", Parameter.fromOrEmpty(conversation.partnerId(), Long.class))
            .bind("authenticated", conversation.authenticated())
            .bind("contextData", context)
            .bind("lastMessageAt", Parameter.fromOrEmpty(conversation.lastMessageAt(), Instant.class))
            .fetch()
            .rowsUpdated());
  }
}
