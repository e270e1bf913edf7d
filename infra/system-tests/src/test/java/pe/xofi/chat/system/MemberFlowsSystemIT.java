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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.engine.account.AccountTexts;
import pe.xofi.chat.conversation.engine.account.AccountTexts.LoanDebt;
import pe.xofi.chat.conversation.engine.auth.AuthTexts;
import pe.xofi.chat.conversation.engine.receipt.ReceiptTexts;
import pe.xofi.chat.conversation.engine.ticket.TicketTexts;
import pe.xofi.chat.conversation.member.ReceiptInbox.Receipt;
import pe.xofi.chat.localstack.LocalStack;

/**
 * The original system's test-case table ("Casos de Prueba") through the real processes, with the
 * demo data loaded by the stack: authentication ok and failed, account statement, a receipt photo
 * with its caption (downloaded and stored by the outbound service) and a ticket in three steps.
 */
class MemberFlowsSystemIT {

  private static final ZoneId LIMA = ZoneId.of("America/Lima");
  private static LocalStack stack;

  @BeforeAll
  static void startStack() {
    stack = RunningStack.shared();
  }

  @AfterAll
  static void noPersonalDataInTheLogs() {
    // the members above sent DNIs, birth years and their phones: none of it may be logged
    assertThat(LogPrivacy.leaks(stack.config().runDir().resolve("logs"))).isEmpty();
  }

  private static SandboxMember member(String phone) {
    return new SandboxMember(stack.config().sandboxUrl(), phone);
  }

  @Test
  void shouldWelcomeMariaByNameWhenHerDniAndBirthYearMatch() {
    SandboxMember maria = member("51987654321");

    String reply = maria.says("DNI 12345678 año 1990");

    assertThat(reply).isEqualTo(AuthTexts.welcome("María"));
  }

  @Test
  void shouldRefuseAnUnknownDniWithoutSayingWhichFieldWasWrong() {
    SandboxMember stranger = member("51900000001");

    String reply = stranger.says("DNI 00000000 año 1900");

    assertThat(reply).isEqualTo(AuthTexts.AUTH_FAILED);
  }

  @Test
  void shouldAnswerTheStatementWithTheFiguresOfTheDemoDataAsOfToday() {
    // given: José (PR-2001: 24 × S/ 780.00 due the 5th from 2026-02-05, 1–6 paid)
    SandboxMember jose = member("51912345678");
    jose.says("DNI 87654321 año 1985");

    // when
    String reply = jose.says("estado de cuenta");

    // then: figures computed here from the schedule, independently of the engine
    LocalDate today = LocalDate.now(LIMA);
    BigDecimal installment = new BigDecimal("780.00");
    List<LocalDate> unpaid = new ArrayList<>();
    for (int n = 7; n <= 24; n++) {
      unpaid.add(LocalDate.of(2026, 2, 5).plusMonths(n - 1));
    }
    List<LocalDate> overdue = unpaid.stream().filter(d -> d.isBefore(today)).toList();
    LocalDate next = unpaid.stream().filter(d -> !d.isBefore(today)).findFirst().orElse(null);
    BigDecimal balance = installment.multiply(BigDecimal.valueOf(unpaid.size()));
    BigDecimal overdueAmount = installment.multiply(BigDecimal.valueOf(overdue.size()));
    LoanDebt loan =
        new LoanDebt("PR-2001", "Crédito MYPE", balance, overdueAmount, overdue.size(), next, next == null ? null : installment);
    LoanDebt total = new LoanDebt(null, null, balance, overdueAmount, overdue.size(), next, next == null ? null : installment);
    assertThat(reply).isEqualTo(AccountTexts.statement(List.of(loan), total));
  }

  @Test
  void shouldRegisterAReceiptFromAPhotoCaptionAndStoreTheDownloadedFile() throws Exception {
    // given
    SandboxMember rosa = member("51955566677");
    rosa.says("DNI 44556677 año 1972");
    LocalDate paidOn = LocalDate.now(LIMA).minusDays(1);
    byte[] photo = ReceiptFiles.jpeg("a receipt photo on WHAPI");

    // when
    List<String> replies = rosa.sendsFile("boleta.jpg", "image/jpeg", photo, "Monto: 500\nFecha: " + paidOn, 1);

    // then: receipt numbers are shared with the other channels' receipt tests, so the reply says which
    String number = ChannelReceiptsSystemIT.numberIn(replies.getFirst());
    assertThat(replies).containsExactly(ReceiptTexts.registered(new Receipt(number, new BigDecimal("500.00"), paidOn)));
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(storedReceipt(number)).isEqualTo(List.of("STORED", sha256, Integer.toString(photo.length))));
  }

  @Test
  void shouldCreateATicketInThreeSteps() {
    // given
    SandboxMember maria = member("51987654321");
    maria.says("DNI 12345678 año 1990");

    // when
    String askSubject = maria.says("crear ticket");
    String askDescription = maria.says("Problema con pago");
    String created = maria.says("No puedo pagar mi cuota");

    // then
    assertThat(List.of(askSubject, askDescription, created))
        .containsExactly(
            TicketTexts.ASK_SUBJECT,
            TicketTexts.askDescription("Problema con pago"),
            // ticket numbers are shared with the other channels' ticket test
            TicketTexts.created(ChannelTicketsSystemIT.numberIn(created), "Problema con pago"));
  }

  private static List<String> storedReceipt(String number) throws Exception {
    try (Connection c = RunningStack.database(stack);
        PreparedStatement q =
            c.prepareStatement(
                "SELECT r.status, f.sha256, f.size_bytes FROM payment_receipt r "
                    + "LEFT JOIN receipt_file f ON f.receipt_id = r.id WHERE r.number = ?")) {
      q.setString(1, number);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? List.of(rs.getString(1), String.valueOf(rs.getString(2)), String.valueOf(rs.getLong(3))) : List.of();
      }
    }
  }
}
