package pe.xofi.chat.conversation.member.postgres;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pe.xofi.chat.conversation.member.Installment;
import pe.xofi.chat.conversation.member.Loan;
import pe.xofi.chat.conversation.member.LoanStatus;

/** Folds the rows of "loans left-joined with their installments" into loans with schedules. */
final class LoanSchedules {

  /**
   * One row of that join: the loan's columns and one of its installments, or {@code null} for a
   * loan without installments.
   */
  record ScheduleRow(
      String code,
      String product,
      BigDecimal principal,
      BigDecimal annualRate,
      int termMonths,
      LocalDate disbursedOn,
      LoanStatus status,
      Installment installment) {}

  private LoanSchedules() {}

  /** One loan per code, in the order the codes first appear, each with its installments in row order. */
  static List<Loan> assemble(List<ScheduleRow> rows) {
    Map<String, ScheduleRow> heads = new LinkedHashMap<>();
    Map<String, List<Installment>> schedules = new LinkedHashMap<>();
    for (ScheduleRow row : rows) {
      heads.putIfAbsent(row.code(), row);
      List<Installment> schedule = schedules.computeIfAbsent(row.code(), code -> new ArrayList<>());
      if (row.installment() != null) {
        schedule.add(row.installment());
      }
    }
    return heads.values().stream()
        .map(
            head ->
                new Loan(
                    head.code(),
                    head.product(),
                    head.principal(),
                    head.annualRate(),
                    head.termMonths(),
                    head.disbursedOn(),
                    head.status(),
                    schedules.get(head.code())))
        .toList();
  }
}
