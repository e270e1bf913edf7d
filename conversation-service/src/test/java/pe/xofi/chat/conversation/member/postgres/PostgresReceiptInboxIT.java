package pe.xofi.chat.conversation.member.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.member.MemberTestDatabase;
import pe.xofi.chat.conversation.member.ReceiptInbox.MediaFile;
import pe.xofi.chat.conversation.member.ReceiptInbox.Receipt;
import pe.xofi.chat.schemas.inbound.Provider;

/** Payment receipts on a real PostgreSQL: numbered from the sequence, idempotent on the source message. */
class PostgresReceiptInboxIT {

  static MemberTestDatabase db;
  static long partnerId;
  static PostgresReceiptInbox inbox;

  @BeforeAll
  static void migrate() {
    db = MemberTestDatabase.createMigrated("receipt_inbox_it");
    partnerId = db.insertPartner("SOC-0100", "11112222");
    inbox = new PostgresReceiptInbox(db.blockingDatabase());
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void shouldNumberReceiptsFromTheSequenceAndReturnTheSameReceiptForTheSameMessage() {
    // given
    MediaFile photo =
        new MediaFile(Provider.WHAPI, "jpeg-abc", "https://media.example/abc.jpg", "image/jpeg", 48_213L, null);
    MediaFile pdf = new MediaFile(Provider.WHAPI, "pdf-def", null, "application/pdf", null, "boleta.pdf");

    // when
    List<Receipt> receipts =
        List.of(
            inbox.register(partnerId, new BigDecimal("500.00"), LocalDate.of(2025, 1, 15), photo, "wamid.receipt-1"),
            inbox.register(partnerId, new BigDecimal("500.00"), LocalDate.of(2025, 1, 15), photo, "wamid.receipt-1"),
            inbox.register(partnerId, new BigDecimal("1250.5"), LocalDate.of(2025, 2, 1), pdf, "wamid.receipt-2"));

    // then
    assertThat(receipts)
        .isEqualTo(
            List.of(
                new Receipt("RC-000001", new BigDecimal("500.00"), LocalDate.of(2025, 1, 15)),
                new Receipt("RC-000001", new BigDecimal("500.00"), LocalDate.of(2025, 1, 15)),
                new Receipt("RC-000002", new BigDecimal("1250.50"), LocalDate.of(2025, 2, 1))));
    assertThat(db.rows(
            """
            SELECT number, partner_id, amount, paid_on, provider, media_id, media_link, mime_type, file_name,
                   size_bytes, source_message_id, status
            FROM payment_receipt ORDER BY number
            """))
        .isEqualTo(
            List.of(
                row("RC-000001", String.valueOf(partnerId), "500.00", "2025-01-15", "WHAPI", "jpeg-abc",
                    "https://media.example/abc.jpg", "image/jpeg", null, "48213", "wamid.receipt-1", "PENDING_FILE"),
                row("RC-000002", String.valueOf(partnerId), "1250.50", "2025-02-01", "WHAPI", "pdf-def", null,
                    "application/pdf", "boleta.pdf", null, "wamid.receipt-2", "PENDING_FILE")));
  }

  /** A row as {@link MemberTestDatabase#rows} gives it, NULL columns included. */
  private static List<String> row(String... values) {
    return Arrays.asList(values);
  }
}
