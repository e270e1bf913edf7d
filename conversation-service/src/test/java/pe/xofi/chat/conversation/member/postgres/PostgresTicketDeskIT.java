package pe.xofi.chat.conversation.member.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.member.MemberTestDatabase;
import pe.xofi.chat.conversation.member.TicketDesk.Ticket;
import pe.xofi.chat.schemas.inbound.Channel;

/** Support tickets on a real PostgreSQL: numbered from the sequence, idempotent on the source message. */
class PostgresTicketDeskIT {

  static MemberTestDatabase db;
  static long partnerId;
  static PostgresTicketDesk desk;

  @BeforeAll
  static void migrate() {
    db = MemberTestDatabase.createMigrated("ticket_desk_it");
    partnerId = db.insertPartner("SOC-0100", "11112222");
    desk = new PostgresTicketDesk(db.blockingDatabase());
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void shouldNumberTicketsFromTheSequenceAndReturnTheSameTicketForTheSameMessage() {
    // given
    db.execute("TRUNCATE support_ticket");
    db.execute("ALTER SEQUENCE support_ticket_number_seq RESTART WITH 1");

    // when
    List<Ticket> tickets =
        List.of(
            desk.open(partnerId, "Pago no reflejado", "Pagué la cuota 5", Channel.WHATSAPP, "wamid.ticket-1"),
            desk.open(partnerId, "Pago no reflejado", "Pagué la cuota 5", Channel.WHATSAPP, "wamid.ticket-1"),
            desk.open(partnerId, "Cambio de teléfono", "Nuevo número", Channel.TELEGRAM, "tg.ticket-2"));

    // then
    assertThat(tickets)
        .isEqualTo(
            List.of(
                new Ticket("TK-000001", "Pago no reflejado"),
                new Ticket("TK-000001", "Pago no reflejado"),
                new Ticket("TK-000002", "Cambio de teléfono")));
    assertThat(db.rows(
            "SELECT number, partner_id, subject, description, channel, source_message_id, status FROM support_ticket ORDER BY number"))
        .isEqualTo(
            List.of(
                List.of("TK-000001", String.valueOf(partnerId), "Pago no reflejado", "Pagué la cuota 5", "WHATSAPP", "wamid.ticket-1", "OPEN"),
                List.of("TK-000002", String.valueOf(partnerId), "Cambio de teléfono", "Nuevo número", "TELEGRAM", "tg.ticket-2", "OPEN")));
  }

  @Test
  void shouldReturnTheStoredTicketWhenAReprocessedMessageCarriesOtherText() {
    // given
    db.execute("TRUNCATE support_ticket");
    db.execute("ALTER SEQUENCE support_ticket_number_seq RESTART WITH 41");
    Ticket first = desk.open(partnerId, "Consulta", "Primera versión", Channel.WHATSAPP, "wamid.ticket-41");

    // when
    Ticket again = desk.open(partnerId, "Otra consulta", "Segunda versión", Channel.WHATSAPP, "wamid.ticket-41");

    // then
    assertThat(List.of(first, again))
        .isEqualTo(List.of(new Ticket("TK-000041", "Consulta"), new Ticket("TK-000041", "Consulta")));
    assertThat(db.rows("SELECT number, description FROM support_ticket"))
        .isEqualTo(List.of(List.of("TK-000041", "Primera versión")));
  }

  @Test
  void shouldKeepAllDigitsPastSixDigitNumbers() {
    // given
    db.execute("TRUNCATE support_ticket");
    db.execute("ALTER SEQUENCE support_ticket_number_seq RESTART WITH 1234567");

    // when
    Ticket ticket = desk.open(partnerId, "Consulta", "Texto", Channel.WHATSAPP, "wamid.ticket-big");

    // then
    assertThat(ticket).isEqualTo(new Ticket("TK-1234567", "Consulta"));
  }
}
