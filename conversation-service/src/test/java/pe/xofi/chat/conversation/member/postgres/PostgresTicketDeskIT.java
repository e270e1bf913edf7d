package pe.xofi.chat.conversation.member.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.member.MemberTestDatabase;
import pe.xofi.chat.conversation.member.SourceMessage;
import pe.xofi.chat.conversation.member.TicketDesk.Ticket;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;

/**
 * Support tickets on a real PostgreSQL: numbered from the sequence, idempotent on the partner and
 * the source message within its conversation.
 */
class PostgresTicketDeskIT {

  static final ConversationKey WHATSAPP = ConversationKey.whatsapp("51987654321");
  static final ConversationKey TELEGRAM = new ConversationKey(Channel.TELEGRAM, "734561289");
  static final ConversationKey OTHER_PHONE = ConversationKey.whatsapp("51900000301");

  static MemberTestDatabase db;
  static long partnerId;
  static long otherPartnerId;
  static PostgresTicketDesk desk;

  @BeforeAll
  static void migrate() {
    db = MemberTestDatabase.createMigrated("ticket_desk_it");
    partnerId = db.insertPartner("SOC-0100", "11112222");
    otherPartnerId = db.insertPartner("SOC-0101", "33334444");
    desk = new PostgresTicketDesk(db.blockingDatabase());
    // connections opened before the first test, whose first call is bound by the 2 s query timeout
    db.pool().warmup().block();
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @BeforeEach
  void empty() {
    db.execute("TRUNCATE support_ticket");
    db.execute("ALTER SEQUENCE support_ticket_number_seq RESTART WITH 1");
  }

  @Test
  void shouldNumberTicketsFromTheSequenceAndReturnTheSameTicketForTheSameMessage() {
    // when
    List<Ticket> tickets =
        List.of(
            desk.open(partnerId, "Pago no reflejado", "Pagué la cuota 5", new SourceMessage(WHATSAPP, "wamid.ticket-1")),
            desk.open(partnerId, "Pago no reflejado", "Pagué la cuota 5", new SourceMessage(WHATSAPP, "wamid.ticket-1")),
            desk.open(partnerId, "Cambio de teléfono", "Nuevo número", new SourceMessage(TELEGRAM, "tg.ticket-2")));

    // then
    assertThat(tickets)
        .isEqualTo(
            List.of(
                new Ticket("TK-000001", "Pago no reflejado"),
                new Ticket("TK-000001", "Pago no reflejado"),
                new Ticket("TK-000002", "Cambio de teléfono")));
    assertThat(db.rows(
            "SELECT number, partner_id, subject, description, channel, conversation_key, source_message_id, status"
                + " FROM support_ticket ORDER BY number"))
        .isEqualTo(
            List.of(
                List.of("TK-000001", String.valueOf(partnerId), "Pago no reflejado", "Pagué la cuota 5", "WHATSAPP",
                    "wa:51987654321", "wamid.ticket-1", "OPEN"),
                List.of("TK-000002", String.valueOf(partnerId), "Cambio de teléfono", "Nuevo número", "TELEGRAM",
                    "tg:734561289", "tg.ticket-2", "OPEN")));
  }

  @Test
  void shouldReturnTheStoredTicketWhenAReprocessedMessageCarriesOtherText() {
    // given
    db.execute("ALTER SEQUENCE support_ticket_number_seq RESTART WITH 41");
    Ticket first = desk.open(partnerId, "Consulta", "Primera versión", new SourceMessage(WHATSAPP, "wamid.ticket-41"));

    // when
    Ticket again = desk.open(partnerId, "Otra consulta", "Segunda versión", new SourceMessage(WHATSAPP, "wamid.ticket-41"));

    // then
    assertThat(List.of(first, again))
        .isEqualTo(List.of(new Ticket("TK-000041", "Consulta"), new Ticket("TK-000041", "Consulta")));
    assertThat(db.rows("SELECT number, description FROM support_ticket"))
        .isEqualTo(List.of(List.of("TK-000041", "Primera versión")));
  }

  @Test
  void shouldKeepAllDigitsPastSixDigitNumbers() {
    // given
    db.execute("ALTER SEQUENCE support_ticket_number_seq RESTART WITH 1234567");

    // when
    Ticket ticket = desk.open(partnerId, "Consulta", "Texto", new SourceMessage(WHATSAPP, "wamid.ticket-big"));

    // then
    assertThat(ticket).isEqualTo(new Ticket("TK-1234567", "Consulta"));
  }

  @Test
  void shouldOpenANewTicketForAnotherMemberWhoReusesAMessageIdAndLeaveTheFirstTicketUntouched() {
    // given: José's ticket, opened by his message "victim-1" (security review H3, attack b)
    Ticket victims = desk.open(partnerId, "Cobro indebido", "Me cobraron dos veces", new SourceMessage(WHATSAPP, "victim-1"));

    // when: María, from her own phone, completes a ticket form with a message carrying José's id
    Ticket attackers = desk.open(otherPartnerId, "asunto atacante", "texto del atacante", new SourceMessage(OTHER_PHONE, "victim-1"));

    // then
    assertThat(List.of(victims, attackers))
        .isEqualTo(List.of(new Ticket("TK-000001", "Cobro indebido"), new Ticket("TK-000002", "asunto atacante")));
    assertThat(db.rows(
            "SELECT number, partner_id, subject, description, conversation_key, source_message_id FROM support_ticket"
                + " ORDER BY number"))
        .isEqualTo(
            List.of(
                List.of("TK-000001", String.valueOf(partnerId), "Cobro indebido", "Me cobraron dos veces",
                    "wa:51987654321", "victim-1"),
                List.of("TK-000002", String.valueOf(otherPartnerId), "asunto atacante", "texto del atacante",
                    "wa:51900000301", "victim-1")));
  }

  @Test
  void shouldNeverReturnATicketOfTheSamePartnerFromAnotherConversation() {
    // given
    Ticket onWhatsapp = desk.open(partnerId, "Consulta", "Por WhatsApp", new SourceMessage(WHATSAPP, "same-id"));

    // when: the same id comes from another conversation (another phone, or Telegram)
    Ticket onTelegram = desk.open(partnerId, "Consulta", "Por Telegram", new SourceMessage(TELEGRAM, "same-id"));

    // then
    assertThat(List.of(onWhatsapp, onTelegram))
        .isEqualTo(List.of(new Ticket("TK-000001", "Consulta"), new Ticket("TK-000002", "Consulta")));
  }

  @Test
  void shouldNeverReturnAnotherPartnersTicketFromTheSameConversation() {
    // given: a conversation whose member signed out and another signed in on the same phone
    Ticket first = desk.open(partnerId, "Consulta", "Primero", new SourceMessage(WHATSAPP, "shared-phone-1"));

    // when
    Ticket second = desk.open(otherPartnerId, "Otra", "Segundo", new SourceMessage(WHATSAPP, "shared-phone-1"));

    // then
    assertThat(List.of(first, second))
        .isEqualTo(List.of(new Ticket("TK-000001", "Consulta"), new Ticket("TK-000002", "Otra")));
  }
}
