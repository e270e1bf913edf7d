package pe.xofi.chat.conversation.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.member.MemberTestDatabase;
import pe.xofi.chat.schemas.inbound.Channel;

/** The operators' projection on a real PostgreSQL: one row per conversation key, never going back in time. */
class AgentConversationStoreIT {

  private static final String COLUMNS =
      "conversation_key, channel, whatsapp_phone, telegram_chat_id, telegram_username, partner_id, authenticated,"
          + " context_data::text, last_message_at = TIMESTAMPTZ '%s'";

  private static final Instant FIRST = Instant.parse("2026-11-24T10:15:30.123Z");
  private static final Instant LATER = Instant.parse("2026-11-24T10:16:02Z");

  static MemberTestDatabase db;
  static long partnerId;
  static AgentConversationStore store;

  @BeforeAll
  static void migrate() {
    db = MemberTestDatabase.createMigrated("agent_conversation_store_it");
    partnerId = db.insertPartner("SOC-0100", "11112222");
    store = new AgentConversationStore(db.blockingDatabase());
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void shouldInsertTheConversationsOfABatchInOneStatement() {
    // given
    AgentConversation anonymous =
        new AgentConversation("wa:51911111111", Channel.WHATSAPP, "51911111111", null, null, null, false, Map.of(), FIRST);
    AgentConversation member =
        new AgentConversation(
            "wa:51911111112", Channel.WHATSAPP, "51911111112", null, null, partnerId, true,
            Map.of("pending_action", "create_ticket", "step", "description", "ticket_subject", "Pago"), FIRST);

    // when
    store.write(List.of(anonymous, member));

    // then
    assertThat(db.rows("SELECT " + COLUMNS.formatted(FIRST) + " FROM agent_conversation"
            + " WHERE conversation_key IN ('wa:51911111111', 'wa:51911111112') ORDER BY conversation_key"))
        .isEqualTo(
            List.of(
                row("wa:51911111111", "WHATSAPP", "51911111111", null, null, null, "f", "{}", "t"),
                row("wa:51911111112", "WHATSAPP", "51911111112", null, null, String.valueOf(partnerId), "t",
                    "{\"step\": \"description\", \"pending_action\": \"create_ticket\", \"ticket_subject\": \"Pago\"}", "t")));
  }

  @Test
  void shouldUpdateTheSameRowWhenTheConversationMovesOn() {
    // given
    store.write(List.of(new AgentConversation("tg:7001", Channel.TELEGRAM, null, "7001", "ana_p", null, false, Map.of(), FIRST)));

    // when
    store.write(List.of(
        new AgentConversation("tg:7001", Channel.TELEGRAM, null, "7001", "ana_p", partnerId, true,
            Map.of("pending_action", "create_ticket", "step", "subject"), LATER)));

    // then
    assertThat(db.rows("SELECT " + COLUMNS.formatted(LATER) + " FROM agent_conversation WHERE conversation_key = 'tg:7001'"))
        .isEqualTo(
            List.of(row("tg:7001", "TELEGRAM", null, "7001", "ana_p", String.valueOf(partnerId), "t",
                "{\"step\": \"subject\", \"pending_action\": \"create_ticket\"}", "t")));
  }

  @Test
  void shouldNeverLetAnOlderSnapshotOverwriteANewerOne() {
    // given: the row after the later message
    store.write(List.of(
        new AgentConversation("wa:51911111113", Channel.WHATSAPP, "51911111113", null, null, partnerId, true, Map.of(), LATER)));

    // when: the earlier message's snapshot arrives again (a redelivery, a reset projector group)
    store.write(List.of(
        new AgentConversation("wa:51911111113", Channel.WHATSAPP, "51911111113", null, null, null, false, Map.of(), FIRST)));

    // then
    assertThat(db.rows("SELECT " + COLUMNS.formatted(LATER) + " FROM agent_conversation WHERE conversation_key = 'wa:51911111113'"))
        .isEqualTo(List.of(row("wa:51911111113", "WHATSAPP", "51911111113", null, null, String.valueOf(partnerId), "t", "{}", "t")));
  }

  private static List<String> row(String... values) {
    return Arrays.asList(values);
  }
}
