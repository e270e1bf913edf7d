package pe.xofi.chat.conversation.member.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.member.ConversationDirectory.AgentConversation;
import pe.xofi.chat.conversation.member.MemberTestDatabase;
import pe.xofi.chat.schemas.inbound.Channel;

/** The operators' projection on a real PostgreSQL: one row per conversation key, the latest message's. */
class PostgresConversationDirectoryIT {

  private static final String COLUMNS =
      "conversation_key, channel, whatsapp_phone, telegram_chat_id, telegram_username, partner_id, authenticated,"
          + " context_data::text, last_message_at = TIMESTAMPTZ '%s'";

  static MemberTestDatabase db;
  static long partnerId;
  static PostgresConversationDirectory directory;

  @BeforeAll
  static void migrate() {
    db = MemberTestDatabase.createMigrated("conversation_directory_it");
    partnerId = db.insertPartner("SOC-0100", "11112222");
    directory = new PostgresConversationDirectory(db.blockingDatabase());
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void shouldInsertTheFirstMessageOfAConversation() {
    // given
    Instant at = Instant.parse("2026-11-24T10:15:30.123Z");
    AgentConversation anonymous =
        new AgentConversation("wa:51911111111", Channel.WHATSAPP, "51911111111", null, null, null, false, null, at);

    // when
    directory.record(anonymous);

    // then
    assertThat(db.rows("SELECT " + COLUMNS.formatted(at) + " FROM agent_conversation WHERE conversation_key = 'wa:51911111111'"))
        .isEqualTo(List.of(row("wa:51911111111", "WHATSAPP", "51911111111", null, null, null, "f", "{}", "t")));
  }

  @Test
  void shouldUpdateTheSameRowWhenTheConversationMovesOn() {
    // given
    Instant first = Instant.parse("2026-11-24T10:15:30Z");
    Instant later = Instant.parse("2026-11-24T10:16:02Z");
    directory.record(new AgentConversation("tg:7001", Channel.TELEGRAM, null, "7001", "ana_p", null, false, "{}", first));

    // when
    directory.record(
        new AgentConversation(
            "tg:7001", Channel.TELEGRAM, null, "7001", "ana_p", partnerId, true,
            "{\"form\": {\"type\": \"CreateTicket\", \"step\": \"SUBJECT\"}}", later));

    // then
    assertThat(db.rows("SELECT " + COLUMNS.formatted(later) + " FROM agent_conversation WHERE channel = 'TELEGRAM'"))
        .isEqualTo(
            List.of(
                row("tg:7001", "TELEGRAM", null, "7001", "ana_p", String.valueOf(partnerId), "t",
                    "{\"form\": {\"step\": \"SUBJECT\", \"type\": \"CreateTicket\"}}", "t")));
  }

  private static List<String> row(String... values) {
    return Arrays.asList(values);
  }
}
