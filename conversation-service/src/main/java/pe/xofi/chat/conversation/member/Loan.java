package pe.xofi.chat.conversation.member;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A member's loan with its schedule, installments ordered by number.
 *
 * @param code        the loan code, e.g. {@code PR-1001}
 * @param product     the product name, e.g. {@code Crédito personal}
 * @param principal   the amount lent, in soles
 * @param annualRate  the annual interest rate in percent, e.g. {@code 18.00}
 * @param termMonths  number of monthly installments
 * @param disbursedOn disbursement date
 * @param status      lifecycle status
 * @param installments the schedule
 */
public record Loan(
    String code,
    String product,
    BigDecimal principal,
    BigDecimal annualRate,
    int termMonths,
    LocalDate disbursedOn,
    LoanStatus status,
    List<Installment> installments) {

  public Loan {
    installments = List.copyOf(installments);
  }

  /** Outstanding balance: the sum of the unpaid installments. */
  public BigDecimal balance() {
    return installments.stream()
        .filter(i -> !i.isPaid())
        .map(Installment::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
