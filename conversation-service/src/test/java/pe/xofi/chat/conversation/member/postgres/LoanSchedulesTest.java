package pe.xofi.chat.conversation.member.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.member.Installment;
import pe.xofi.chat.conversation.member.Loan;
import pe.xofi.chat.conversation.member.LoanStatus;
import pe.xofi.chat.conversation.member.postgres.LoanSchedules.ScheduleRow;

class LoanSchedulesTest {

  private static final Installment FIRST =
      new Installment(1, LocalDate.of(2026, 6, 15), new BigDecimal("550.00"), new BigDecimal("550.00"), LocalDate.of(2026, 6, 15));
  private static final Installment SECOND =
      new Installment(2, LocalDate.of(2026, 7, 15), new BigDecimal("550.00"), new BigDecimal("0.00"), null);

  @Test
  void shouldFoldJoinedRowsIntoLoansInRowOrder() {
    // given
    List<ScheduleRow> rows =
        List.of(
            row("PR-1001", LoanStatus.ACTIVE, FIRST),
            row("PR-1001", LoanStatus.ACTIVE, SECOND),
            row("PR-1002", LoanStatus.CANCELLED, null),
            row("PR-1003", LoanStatus.PAID_OFF, FIRST));

    // when
    List<Loan> loans = LoanSchedules.assemble(rows);

    // then
    assertThat(loans)
        .isEqualTo(
            List.of(
                loan("PR-1001", LoanStatus.ACTIVE, List.of(FIRST, SECOND)),
                loan("PR-1002", LoanStatus.CANCELLED, List.of()),
                loan("PR-1003", LoanStatus.PAID_OFF, List.of(FIRST))));
  }

  @Test
  void shouldGiveNoLoansForNoRows() {
    // given
    List<ScheduleRow> rows = List.of();

    // when
    List<Loan> loans = LoanSchedules.assemble(rows);

    // then
    assertThat(loans).isEqualTo(List.of());
  }

  private static ScheduleRow row(String code, LoanStatus status, Installment installment) {
    return new ScheduleRow(
        code, "Crédito personal", new BigDecimal("6000.00"), new BigDecimal("18.00"), 12, LocalDate.of(2026, 5, 15), status, installment);
  }

  private static Loan loan(String code, LoanStatus status, List<Installment> installments) {
    return new Loan(
        code, "Crédito personal", new BigDecimal("6000.00"), new BigDecimal("18.00"), 12, LocalDate.of(2026, 5, 15), status, installments);
  }
}
