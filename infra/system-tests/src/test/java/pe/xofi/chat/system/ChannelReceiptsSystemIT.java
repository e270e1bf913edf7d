package pe.xofi.chat.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.engine.auth.AuthTexts;
import pe.xofi.chat.conversation.engine.receipt.ReceiptTexts;
import pe.xofi.chat.conversation.member.ReceiptInbox.Receipt;
import pe.xofi.chat.localstack.LocalStack;
import pe.xofi.chat.system.ChannelMember.Channel;

/**
 * A payment receipt registered on Meta Cloud API and on Telegram through the real processes: the
 * sandbox posts the file as each provider does (Meta's media id, Telegram's photo sizes or
 * document), the engine answers with the receipt's number, and the outbound service fetches the
 * file through that provider's media API (Meta: metadata then URL with bearer; Telegram: getFile
 * then download) and stores it with its SHA-256.
 */
class ChannelReceiptsSystemIT {

  private static final ZoneId LIMA = ZoneId.of("America/Lima");
  private static final Pattern NUMBER = Pattern.compile("\\*(RC-[0-9]+)\\*");
  private static LocalStack stack;

  @BeforeAll
  static void startStack() {
    stack = RunningStack.shared();
  }

  @AfterAll
  static void noPersonalDataInTheLogs() {
    assertThat(LogPrivacy.leaks(stack.config().runDir().resolve("logs"))).isEmpty();
  }

  private static ChannelMember rosa(Channel channel, String address) {
    ChannelMember member = new ChannelMember(stack.config().sandboxUrl(), channel, address);
    assertThat(member.says("DNI 44556677 año 1972")).isEqualTo(AuthTexts.welcome("Rosa"));
    return member;
  }

  @Test
  void shouldRegisterAPhotoReceiptOnMetaAndStoreTheFileFetchedThroughTheGraphApi() throws Exception {
    // given: Rosa identified on Meta (an address no other test uses)
    ChannelMember rosa = rosa(Channel.META, "51955500011");
    LocalDate paidOn = LocalDate.now(LIMA).minusDays(1);
    byte[] photo = ReceiptFiles.jpeg("a Meta receipt photo");

    // when
    String reply = rosa.sendsFile("boleta.jpg", "image/jpeg", photo, "Monto: 500\nFecha: " + paidOn);
    String source = rosa.lastWebhook().at("/entry/0/changes/0/value/messages/0/id").asString();

    // then
    String number = numberIn(reply);
    assertThat(reply).isEqualTo(ReceiptTexts.registered(new Receipt(number, new BigDecimal("500.00"), paidOn)));
    assertStored(source, number, photo);
  }

  @Test
  void shouldRegisterAPdfReceiptOnMeta() throws Exception {
    // given
    ChannelMember rosa = rosa(Channel.META, "51955500012");
    LocalDate paidOn = LocalDate.now(LIMA).minusDays(2);
    byte[] pdf = ReceiptFiles.pdf("a Meta receipt document");

    // when
    String reply = rosa.sendsFile("voucher.pdf", "application/pdf", pdf, "Monto: 1250.50\nFecha: " + paidOn);
    String source = rosa.lastWebhook().at("/entry/0/changes/0/value/messages/0/id").asString();

    // then
    String number = numberIn(reply);
    assertThat(reply).isEqualTo(ReceiptTexts.registered(new Receipt(number, new BigDecimal("1250.50"), paidOn)));
    assertStored(source, number, pdf);
  }

  @Test
  void shouldRegisterAPhotoReceiptOnTelegramAndStoreTheFileFetchedWithGetFile() throws Exception {
    // given: Rosa identified in a Telegram chat no other test uses
    ChannelMember rosa = rosa(Channel.TELEGRAM, "734561301");
    LocalDate paidOn = LocalDate.now(LIMA).minusDays(1);
    byte[] photo = ReceiptFiles.jpeg("a Telegram receipt photo");

    // when
    String reply = rosa.sendsFile("boleta.jpg", "image/jpeg", photo, "Monto: 320\nFecha: " + paidOn);
    String source = "tg-update-" + rosa.lastWebhook().path("update_id").asLong();

    // then
    String number = numberIn(reply);
    assertThat(reply).isEqualTo(ReceiptTexts.registered(new Receipt(number, new BigDecimal("320.00"), paidOn)));
    assertStored(source, number, photo);
  }

  @Test
  void shouldRegisterAPdfReceiptOnTelegram() throws Exception {
    // given
    ChannelMember rosa = rosa(Channel.TELEGRAM, "734561302");
    LocalDate paidOn = LocalDate.now(LIMA).minusDays(3);
    byte[] pdf = ReceiptFiles.pdf("a Telegram receipt document");

    // when
    String reply = rosa.sendsFile("voucher.pdf", "application/pdf", pdf, "Monto: 780\nFecha: " + paidOn);
    String source = "tg-update-" + rosa.lastWebhook().path("update_id").asLong();

    // then
    String number = numberIn(reply);
    assertThat(reply).isEqualTo(ReceiptTexts.registered(new Receipt(number, new BigDecimal("780.00"), paidOn)));
    assertStored(source, number, pdf);
  }

  /** Receipt numbers are shared by every test of the stack: the reply says which one this is. */
  static String numberIn(String reply) {
    Matcher matcher = NUMBER.matcher(reply);
    assertThat(matcher.find()).as("a receipt number in: %s", reply).isTrue();
    return matcher.group(1);
  }

  private static void assertStored(String source, String number, byte[] file) throws Exception {
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(storedReceipt(source))
            .isEqualTo(List.of(number, "STORED", sha256, Integer.toString(file.length))));
  }

  private static List<String> storedReceipt(String sourceMessageId) throws Exception {
    try (Connection c = RunningStack.database(stack);
        PreparedStatement q = c.prepareStatement(
            "SELECT r.number, r.status, f.sha256, f.size_bytes FROM payment_receipt r "
                + "LEFT JOIN receipt_file f ON f.receipt_id = r.id WHERE r.source_message_id = ?")) {
      q.setString(1, sourceMessageId);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next()
            ? List.of(rs.getString(1), rs.getString(2), String.valueOf(rs.getString(3)), String.valueOf(rs.getLong(4)))
            : List.of();
      }
    }
  }
}
