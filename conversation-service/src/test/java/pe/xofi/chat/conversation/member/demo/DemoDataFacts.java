package pe.xofi.chat.conversation.member.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import pe.xofi.chat.conversation.member.Installment;
import pe.xofi.chat.conversation.member.Loan;
import pe.xofi.chat.conversation.member.LoanStatus;
import pe.xofi.chat.conversation.member.Partner;
import pe.xofi.chat.conversation.member.PartnerStatus;

/**
 * The demo members as the issue states them, written independently of {@code demo-data.sql}; ids are
 * those of a fresh database (1, 2, 3 in code order).
 */
public final class DemoDataFacts {

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
          "jose.mamani@example.pe",
          "Jr. Junín 456, Cusco",
          PartnerStatus.ACTIVE);

  public static final Partner ROSA =
      new Partner(
          3L,
          "SOC-0003",
          "44556677",
          "Rosa",
          "Flores Ccori",
          LocalDate.of(1972, 3, 30),
          "51955566677",
          null,
          null,
          PartnerStatus.ACTIVE);

  public static final Loan PR_1001 =
      new Loan(
          "PR-1001",
          "Crédito personal",
          new BigDecimal("6000.00"),
          new BigDecimal("18.00"),
          12,
          LocalDate.of(2026, 5, 15),
          LoanStatus.ACTIVE,
          monthly(LocalDate.of(2026, 6, 15), "550.00", 12, 4));

  public static final Loan PR_1002 =
      new Loan(
          "PR-1002",
          "Crédito de emergencia",
          new BigDecimal("1200.00"),
          new BigDecimal("12.00"),
          6,
          LocalDate.of(2025, 12, 10),
          LoanStatus.PAID_OFF,
          monthly(LocalDate.of(2026, 1, 10), "210.00", 6, 6));

  public static final Loan PR_2001 =
      new Loan(
          "PR-2001",
          "Crédito MYPE",
          new BigDecimal("15000.00"),
          new BigDecimal("22.00"),
          24,
          LocalDate.of(2026, 1, 5),
          LoanStatus.ACTIVE,
          monthly(LocalDate.of(2026, 2, 5), "780.00", 24, 6));

  private DemoDataFacts() {}

  /** {@code count} monthly installments of {@code amount} from {@code firstDue}, the first {@code paid} paid on their due date. */
  static List<Installment> monthly(LocalDate firstDue, String amount, int count, int paid) {
    List<Installment> installments = new ArrayList<>();
    for (int number = 1; number <= count; number++) {
      LocalDate due = firstDue.plusMonths(number - 1);
      boolean isPaid = number <= paid;
      installments.add(
          new Installment(
              number,
              due,
              new BigDecimal(amount),
              isPaid ? new BigDecimal(amount) : new BigDecimal("0.00"),
              isPaid ? due : null));
    }
    return installments;
  }
}
