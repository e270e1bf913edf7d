package pe.xofi.chat.conversation.member.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.member.MemberTestDatabase;
import pe.xofi.chat.conversation.member.ReceiptInbox.MediaFile;
import pe.xofi.chat.conversation.member.ReceiptInbox.Receipt;
import pe.xofi.chat.conversation.member.SourceMessage;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.Provider;

/**
 * Payment receipts on a real PostgreSQL: numbered from the sequence, idempotent on the partner and
 * the source message within its conversation.
 */
class PostgresReceiptInboxIT {

  static final ConversationKey WHATSAPP = ConversationKey.whatsapp("51987654321");
  static final ConversationKey OTHER_PHONE = ConversationKey.whatsapp("51900000312");
  static final LocalDate PAID_ON = LocalDate.of(2025, 1, 15);

  static MemberTestDatabase db;
  static long partnerId;
  static long otherPartnerId;
  static PostgresReceiptInbox inbox;

  @BeforeAll
  static void migrate() {
    db = MemberTestDatabase.createMigrated("receipt_inbox_it");
    partnerId = db.insertPartner("SOC-0100", "11112222");
    otherPartnerId = db.insertPartner("SOC-0101", "33334444");
    inbox = new PostgresReceiptInbox(db.blockingDatabase());
    // connections opened before the first test, whose first call is bound by the 2 s query timeout
    db.pool().warmup().block();
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @BeforeEach
  void empty() {
    db.execute("TRUNCATE payment_receipt CASCADE");
    db.execute("ALTER SEQUENCE payment_receipt_number_seq RESTART WITH 1");
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
            inbox.register(partnerId, new BigDecimal("500.00"), PAID_ON, photo, new SourceMessage(WHATSAPP, "wamid.receipt-1")),
            inbox.register(partnerId, new BigDecimal("500.00"), PAID_ON, photo, new SourceMessage(WHATSAPP, "wamid.receipt-1")),
            inbox.register(partnerId, new BigDecimal("1250.5"), LocalDate.of(2025, 2, 1), pdf,
                new SourceMessage(WHATSAPP, "wamid.receipt-2")));

    // then
    assertThat(receipts)
        .isEqualTo(
            List.of(
                new Receipt("RC-000001", new BigDecimal("500.00"), PAID_ON),
                new Receipt("RC-000001", new BigDecimal("500.00"), PAID_ON),
                new Receipt("RC-000002", new BigDecimal("1250.50"), LocalDate.of(2025, 2, 1))));
    assertThat(db.rows(
            """
            SELECT number, partner_id, amount, paid_on, provider, media_id, media_link, mime_type, file_name,
                   size_bytes, conversation_key, source_message_id, status
            FROM payment_receipt ORDER BY number
            """))
        .isEqualTo(
            List.of(
                row("RC-000001", String.valueOf(partnerId), "500.00", "2025-01-15", "WHAPI", "jpeg-abc",
                    "https://media.example/abc.jpg", "image/jpeg", null, "48213", "wa:51987654321", "wamid.receipt-1",
                    "PENDING_FILE"),
                row("RC-000002", String.valueOf(partnerId), "1250.50", "2025-02-01", "WHAPI", "pdf-def", null,
                    "application/pdf", "boleta.pdf", null, "wa:51987654321", "wamid.receipt-2", "PENDING_FILE")));
  }

  @Test
  void shouldRegisterANewReceiptForAnotherMemberWhoReusesAMessageIdAndLeaveTheFirstReceiptUntouched() {
    // given: José's receipt, registered from his message "victim-rc" (security review H3, attack b')
    MediaFile victimsFile = new MediaFile(Provider.WHAPI, "png-doesnotexist", null, "image/png", null, null);
    Receipt victims =
        inbox.register(partnerId, new BigDecimal("100.00"), PAID_ON, victimsFile, new SourceMessage(WHATSAPP, "victim-rc"));

    // when: María sends her own file with José's message id
    MediaFile attackersFile = new MediaFile(Provider.WHAPI, "png-attacker", null, "image/png", null, null);
    Receipt attackers =
        inbox.register(otherPartnerId, new BigDecimal("999.00"), PAID_ON, attackersFile,
            new SourceMessage(OTHER_PHONE, "victim-rc"));

    // then: she gets a receipt of her own, so the download she triggers names her receipt, not José's
    assertThat(List.of(victims, attackers))
        .isEqualTo(
            List.of(
                new Receipt("RC-000001", new BigDecimal("100.00"), PAID_ON),
                new Receipt("RC-000002", new BigDecimal("999.00"), PAID_ON)));
    assertThat(db.rows(
            "SELECT number, partner_id, amount, media_id, conversation_key, source_message_id, status"
                + " FROM payment_receipt ORDER BY number"))
        .isEqualTo(
            List.of(
                row("RC-000001", String.valueOf(partnerId), "100.00", "png-doesnotexist", "wa:51987654321",
                    "victim-rc", "PENDING_FILE"),
                row("RC-000002", String.valueOf(otherPartnerId), "999.00", "png-attacker", "wa:51900000312",
                    "victim-rc", "PENDING_FILE")));
  }

  @Test
  void shouldNeverReturnAReceiptOfTheSamePartnerFromAnotherConversation() {
    // given
    MediaFile photo = new MediaFile(Provider.TELEGRAM, "tg-file-1", null, "image/jpeg", null, null);
    ConversationKey telegram = new ConversationKey(Channel.TELEGRAM, "734561289");
    Receipt onWhatsapp =
        inbox.register(partnerId, new BigDecimal("10.00"), PAID_ON, photo, new SourceMessage(WHATSAPP, "same-id"));

    // when
    Receipt onTelegram =
        inbox.register(partnerId, new BigDecimal("20.00"), PAID_ON, photo, new SourceMessage(telegram, "same-id"));

    // then
    assertThat(List.of(onWhatsapp, onTelegram))
        .isEqualTo(
            List.of(
                new Receipt("RC-000001", new BigDecimal("10.00"), PAID_ON),
                new Receipt("RC-000002", new BigDecimal("20.00"), PAID_ON)));
  }

  /** A row as {@link MemberTestDatabase#rows} gives it, NULL columns included. */
  private static List<String> row(String... values) {
    return Arrays.asList(values);
  }
}
