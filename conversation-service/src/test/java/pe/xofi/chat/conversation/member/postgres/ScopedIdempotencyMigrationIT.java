package pe.xofi.chat.conversation.member.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.testsupport.PostgresTestDatabase;

/**
 * {@code V4__scoped_idempotency.sql} on rows written before it: tickets and receipts get the
 * conversation of their source message from the transcripts, else the partner's only conversation
 * on that channel, else none; the new keys hold for every existing row.
 */
class ScopedIdempotencyMigrationIT {

  static PostgresTestDatabase db;

  @BeforeAll
  static void migrateWithRowsOfV2() {
    db = PostgresTestDatabase.create("scoped_idempotency_it");
    flyway().target("2").load().migrate();
    db.execute(
        """
        INSERT INTO partner (id, code, dni, first_names, last_names, birth_date) VALUES
          (1, 'SOC-0001', '12345678', 'María', 'Quispe', DATE '1985-03-14'),
          (2, 'SOC-0002', '87654321', 'José', 'Mamani', DATE '1985-01-01'),
          (3, 'SOC-0003', '11223344', 'Rosa', 'Flores', DATE '1990-01-01');
        INSERT INTO agent_conversation (conversation_key, channel, whatsapp_phone, telegram_chat_id, partner_id) VALUES
          ('wa:51987654321', 'WHATSAPP', '51987654321', NULL, 1),
          ('tg:734561289', 'TELEGRAM', NULL, '734561289', 2),
          ('wa:51912345678', 'WHATSAPP', '51912345678', NULL, 3),
          ('wa:51912345679', 'WHATSAPP', '51912345679', NULL, 3);
        INSERT INTO conversation_message (conversation_key, direction, message_id, text) VALUES
          ('wa:51987654321', 'IN', 'wamid.t1', 'Pagué la cuota'),
          ('wa:51987654321', 'OUT', 'wamid.t1#1', 'Tu ticket'),
          ('wa:51900000001', 'IN', 'wamid.r1', '[image/jpeg] Monto: 100'),
          ('wa:51900000002', 'IN', 'tg-update-7', 'hola');
        INSERT INTO support_ticket (number, partner_id, subject, description, channel, source_message_id) VALUES
          ('TK-000001', 1, 'Pago', 'Pagué la cuota', 'WHATSAPP', 'wamid.t1'),
          ('TK-000002', 2, 'Cambio', 'Nuevo número', 'TELEGRAM', 'tg-update-7'),
          ('TK-000003', 3, 'Consulta', 'Sin rastro', 'WHATSAPP', 'wamid.t3');
        INSERT INTO payment_receipt (number, partner_id, amount, paid_on, provider, media_id, source_message_id) VALUES
          ('RC-000001', 1, 100.00, DATE '2025-01-15', 'WHAPI', 'jpeg-1', 'wamid.r1'),
          ('RC-000002', 2, 200.00, DATE '2025-01-15', 'TELEGRAM', 'tg-file-2', 'tg-update-9'),
          ('RC-000003', 3, 300.00, DATE '2025-01-15', 'META', 'meta-3', 'wamid.r3');
        """);
    flyway().load().migrate();
  }

  @AfterAll
  static void drop() {
    db.drop();
  }

  @Test
  void shouldGiveExistingTicketsTheConversationOfTheirSourceMessageOrOfTheirPartnerOrNone() {
    // when: V4 ran (set-up)

    // then: TK-000002's transcript line is on WhatsApp, not its Telegram channel, so the partner's
    // only Telegram conversation is taken; Rosa has two WhatsApp conversations, so none is
    assertThat(rows("SELECT number, conversation_key FROM support_ticket ORDER BY number"))
        .isEqualTo(
            List.of(
                Arrays.asList("TK-000001", "wa:51987654321"),
                Arrays.asList("TK-000002", "tg:734561289"),
                Arrays.asList("TK-000003", null)));
  }

  @Test
  void shouldGiveExistingReceiptsTheConversationOfTheirSourceMessageOrOfTheirPartnerOrNone() {
    // when: V4 ran (set-up)

    // then
    assertThat(rows("SELECT number, conversation_key FROM payment_receipt ORDER BY number"))
        .isEqualTo(
            List.of(
                Arrays.asList("RC-000001", "wa:51900000001"),
                Arrays.asList("RC-000002", "tg:734561289"),
                Arrays.asList("RC-000003", null)));
  }

  @Test
  void shouldKeyTranscriptLinesByConversationMessageIdAndDirection() {
    // when: another conversation writes a line with an id already in a transcript
    db.execute(
        "INSERT INTO conversation_message (conversation_key, direction, message_id, text)"
            + " VALUES ('wa:51900000301', 'IN', 'wamid.t1', 'texto del atacante')"
            + " ON CONFLICT (conversation_key, message_id, direction) DO UPDATE SET text = EXCLUDED.text");

    // then
    assertThat(rows("SELECT conversation_key, text FROM conversation_message WHERE message_id = 'wamid.t1' ORDER BY id"))
        .isEqualTo(
            List.of(
                Arrays.asList("wa:51987654321", "Pagué la cuota"),
                Arrays.asList("wa:51900000301", "texto del atacante")));
  }

  private static FluentConfiguration flyway() {
    return Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password());
  }

  private static List<List<String>> rows(String sql) {
    try (Connection connection = db.connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      List<List<String>> rows = new ArrayList<>();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
          row.add(result.getString(column));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
