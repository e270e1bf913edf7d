package pe.xofi.chat.conversation.ops;

import java.time.Instant;
import java.util.List;
import pe.xofi.chat.conversation.member.postgres.BlockingDatabase;
import pe.xofi.chat.schemas.Json;

/**
 * The operators' projection {@code agent_conversation}, one row per conversation key, written a
 * batch at a time from the {@code MESSAGE_HANDLED} snapshots: a row never goes back in time, so a
 * snapshot older than the stored one (a redelivered record, a replayed range) changes nothing.
 */
final class AgentConversationStore {

  private static final String UPSERT =
      """
      INSERT INTO agent_conversation
        (conversation_key, channel, whatsapp_phone, telegram_chat_id, telegram_username, partner_id, authenticated,
         context_data, last_message_at, updated_at)
      SELECT r.conversation_key, r.channel, r.whatsapp_phone, r.telegram_chat_id, r.telegram_username, r.partner_id,
             r.authenticated, CAST(r.context_data AS jsonb), r.last_message_at, now()
      FROM unnest(
        CAST(:keys AS varchar[]), CAST(:channels AS varchar[]), CAST(:phones AS varchar[]), CAST(:chatIds AS varchar[]),
        CAST(:usernames AS varchar[]), CAST(:partnerIds AS bigint[]), CAST(:authenticated AS boolean[]),
        CAST(:contexts AS text[]), CAST(:lastMessageAts AS timestamptz[]))
        AS r(conversation_key, channel, whatsapp_phone, telegram_chat_id, telegram_username, partner_id, authenticated,
             context_data, last_message_at)
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
      WHERE agent_conversation.last_message_at IS NULL
         OR agent_conversation.last_message_at <= EXCLUDED.last_message_at
      """;

  private final BlockingDatabase database;

  AgentConversationStore(BlockingDatabase database) {
    this.database = database;
  }

  /** Upserts {@code conversations} in one statement, at most one per conversation key. */
  void write(List<AgentConversation> conversations) {
    if (conversations.isEmpty()) {
      return;
    }
    int n = conversations.size();
    String[] keys = new String[n];
    String[] channels = new String[n];
    String[] phones = new String[n];
    String[] chatIds = new String[n];
    String[] usernames = new String[n];
    Long[] partnerIds = new Long[n];
    Boolean[] authenticated = new Boolean[n];
    String[] contexts = new String[n];
    Instant[] lastMessageAts = new Instant[n];
    for (int i = 0; i < n; i++) {
      AgentConversation conversation = conversations.get(i);
      keys[i] = conversation.conversationKey();
      channels[i] = conversation.channel().name();
      phones[i] = conversation.whatsappPhone();
      chatIds[i] = conversation.telegramChatId();
      usernames[i] = conversation.telegramUsername();
      partnerIds[i] = conversation.partnerId();
      authenticated[i] = conversation.authenticated();
      contexts[i] = Json.MAPPER.writeValueAsString(conversation.context());
      lastMessageAts[i] = conversation.lastMessageAt();
    }
    database.one(
        "write agent conversations",
        database.client().sql(UPSERT)
            .bind("keys", keys)
            .bind("channels", channels)
            .bind("phones", phones)
            .bind("chatIds", chatIds)
            .bind("usernames", usernames)
            .bind("partnerIds", partnerIds)
            .bind("authenticated", authenticated)
            .bind("contexts", contexts)
            .bind("lastMessageAts", lastMessageAts)
            .fetch().rowsUpdated());
  }
}
