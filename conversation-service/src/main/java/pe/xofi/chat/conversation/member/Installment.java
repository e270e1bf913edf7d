package pe.xofi.chat.conversation.member;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One scheduled payment of a loan. It is paid when {@code paidOn} is set; an unpaid installment
 * whose due date is before today is overdue (vencida).
 */
public record Installment(int number, LocalDate dueDate, BigDecimal amount, BigDecimal paidAmount, LocalDate paidOn) {

  public boolean isPaid() {
    return paidOn != null;
  }

  /** Unpaid and due before {@code today}. */
  public boolean isOverdue(LocalDate today) {
    return !isPaid() && dueDate.isBefore(today);
  }
}
