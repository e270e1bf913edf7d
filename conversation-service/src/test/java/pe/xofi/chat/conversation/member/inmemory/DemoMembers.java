package pe.xofi.chat.conversation.member.inmemory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pe.xofi.chat.conversation.member.Installment;
import pe.xofi.chat.conversation.member.Loan;
import pe.xofi.chat.conversation.member.LoanStatus;
import pe.xofi.chat.conversation.member.Partner;
import pe.xofi.chat.conversation.member.PartnerStatus;

/**
 * The demo members and loans the engine's tests rely on, as facts any {@code PartnerDirectory}
 * (in memory or PostgreSQL with the demo seed) must return. Fields the demo does not state (José's
 * and Rosa's e-mail and address, Rosa's phone, PR-1002's and PR-2001's disbursement) are chosen
 * here.
 */
public final class DemoMembers {

  public static final Partner MARIA =
      new Partner(
          1L,
          "SOC-0001",
          "12345678",
          "María Elena",
          "Quispe Huamán",
          LocalDate.of(1990, 5, 14),
          "51987654321",
          "maria.quispe@example.pe",
          "Av. Arequipa 1234, Lima",
          PartnerStatus.ACTIVE);

  public static final Partner JOSE =
      new Partner(
          2L,
          "SOC-0002",
          "87654321",
          "José Luis",
          "Mamani Condori",
          LocalDate.of(1985, 11, 2),
          "51912345678",
          null,
          null,
          PartnerStatus.ACTIVE);

  public static final Partner ROSA =
      new Partner(
          3L,
          "SOC-0003",
          "44556677",
          "Rosa",
          "Flores Ccori",
          LocalDate.of(1972, 3, 30),
          null,
          null,
          null,
          PartnerStatus.ACTIVE);

  /** Crédito personal: 12 × 550.00 due the 15th from 2026-06-15, the first 4 paid on their due dates. */
  public static final Loan PR_1001 =
      loan("PR-1001", "Crédito personal", "6000.00", "18.00", LocalDate.of(2026, 5, 15),
          LoanStatus.ACTIVE, 12, "550.00", LocalDate.of(2026, 6, 15), 4);

  /** Crédito de emergencia: 6 × 210.00 due the 10th from 2026-01-10, all paid. */
  public static final Loan PR_1002 =
      loan("PR-1002", "Crédito de emergencia", "1200.00", "12.00", LocalDate.of(2025, 12, 10),
          LoanStatus.PAID_OFF, 6, "210.00", LocalDate.of(2026, 1, 10), 6);

  /** Crédito MYPE: 24 × 780.00 due the 5th from 2026-02-05, the first 6 paid. */
  public static final Loan PR_2001 =
      loan("PR-2001", "Crédito MYPE", "15000.00", "22.00", LocalDate.of(2026, 1, 5),
          LoanStatus.ACTIVE, 24, "780.00", LocalDate.of(2026, 2, 5), 6);

  public static final List<Partner> PARTNERS = List.of(MARIA, JOSE, ROSA);

  /** Loans by partner id, ordered by code. */
  public static final Map<Long, List<Loan>> LOANS =
      Map.of(MARIA.id(), List.of(PR_1001, PR_1002), JOSE.id(), List.of(PR_2001), ROSA.id(), List.of());

  private DemoMembers() {}

  private static Loan loan(
      String code,
      String product,
      String principal,
      String rate,
      LocalDate disbursedOn,
      LoanStatus status,
      int term,
      String installmentAmount,
      LocalDate firstDue,
      int paid) {
    BigDecimal amount = new BigDecimal(installmentAmount);
    List<Installment> installments = new ArrayList<>();
    for (int number = 1; number <= term; number++) {
      LocalDate due = firstDue.plusMonths(number - 1L);
      boolean isPaid = number <= paid;
      installments.add(
          new Installment(number, due, amount, isPaid ? amount : new BigDecimal("0.00"), isPaid ? due : null));
    }
    return new Loan(
        code, product, new BigDecimal(principal), new BigDecimal(rate), term, disbursedOn, status, installments);
  }
}
