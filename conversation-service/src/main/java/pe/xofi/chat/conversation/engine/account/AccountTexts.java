package pe.xofi.chat.conversation.engine.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import pe.xofi.chat.conversation.engine.Formats;
import pe.xofi.chat.conversation.member.Installment;
import pe.xofi.chat.conversation.member.Loan;
import pe.xofi.chat.conversation.member.LoanStatus;
import pe.xofi.chat.conversation.member.Partner;
import pe.xofi.chat.conversation.member.PartnerStatus;

/** The texts of a member's own data: personal data, account statement, loans and one loan. */
public final class AccountTexts {

  /** The answer to the statement of a member without debts. */
  public static final String NO_DEBTS =
      """
      *Estado de cuenta*

      No tienes deudas pendientes. ¡Estás al día!""";

  /** The answer to the loan list of a member without loans. */
  public static final String NO_LOANS = "No tienes préstamos registrados.";

  private static final String NOT_REGISTERED = "no registrado";

  private AccountTexts() {}

  /** The member's personal data, with the DNI masked. */
  public static String personalData(Partner partner) {
    return """
        *Tus datos*
        Nombre: %s
        DNI: %s
        Código de socio: %s
        Teléfono: %s
        Correo: %s
        Dirección: %s
        Estado: %s"""
        .formatted(
            partner.fullName(),
            Formats.maskedDni(partner.dni()),
            partner.code(),
            orNotRegistered(partner.phone()),
            orNotRegistered(partner.email()),
            orNotRegistered(partner.address()),
            label(partner.status()));
  }

  /** The statement: each loan with a debt, then the total. */
  public static String statement(List<LoanDebt> debts, LoanDebt total) {
    String loans =
        debts.stream()
            .map(debt -> "*%s* · %s\n%s".formatted(debt.code(), debt.product(), debtLines(debt)))
            .collect(Collectors.joining("\n\n"));
    return """
        *Estado de cuenta*

        %s

        *Total*
        %s"""
        .formatted(loans, debtLines(total));
  }

  private static String debtLines(LoanDebt debt) {
    String next =
        debt.nextDueDate() == null
            ? "sin cuotas por vencer"
            : Formats.date(debt.nextDueDate()) + " · " + Formats.soles(debt.nextAmount());
    return """
        Saldo pendiente: %s
        Vencido: %s (%s)
        Próxima cuota: %s"""
        .formatted(
            Formats.soles(debt.balance()),
            Formats.soles(debt.overdueAmount()),
            Formats.installments(debt.overdueCount()),
            next);
  }

  /** Every loan of the member with its principal, status and balance. */
  public static String loans(List<Loan> loans) {
    String items =
        loans.stream()
            .map(
                loan ->
                    """
                    *%s* · %s
                    Monto: %s · Estado: %s
                    Saldo: %s"""
                        .formatted(
                            loan.code(),
                            loan.product(),
                            Formats.soles(loan.principal()),
                            label(loan.status()),
                            Formats.soles(loan.balance())))
            .collect(Collectors.joining("\n\n"));
    return """
        *Tus préstamos*

        %s

        Para ver sus cuotas escribe *detalle %s*."""
        .formatted(items, loans.getFirst().code());
  }

  /** One loan with every installment and its status on {@code today}. */
  public static String loanDetail(Loan loan, LocalDate today) {
    String installments =
        loan.installments().stream()
            .map(
                installment ->
                    "%d. %s · %s · %s"
                        .formatted(
                            installment.number(),
                            Formats.date(installment.dueDate()),
                            Formats.soles(installment.amount()),
                            label(installment, today)))
            .collect(Collectors.joining("\n"));
    return """
        *Préstamo %s*
        Producto: %s
        Monto: %s
        Tasa: %s anual
        Plazo: %d meses
        Desembolso: %s
        Estado: %s
        Saldo: %s

        *Cuotas*
        %s"""
        .formatted(
            loan.code(),
            loan.product(),
            Formats.soles(loan.principal()),
            Formats.percent(loan.annualRate()),
            loan.termMonths(),
            Formats.date(loan.disbursedOn()),
            label(loan.status()),
            Formats.soles(loan.balance()),
            installments);
  }

  /** The question after "detalle" without a loan code. */
  public static String whichLoan(List<Loan> loans) {
    return """
        ¿De qué préstamo quieres el detalle? Tus préstamos: %s.
        Escribe por ejemplo *detalle %s*."""
        .formatted(codes(loans), loans.getFirst().code());
  }

  /**
   * The answer to a loan code the member does not hold, the same whether it belongs to someone
   * else or to nobody.
   */
  public static String loanNotFound(String code, List<Loan> loans) {
    String yours = loans.isEmpty() ? NO_LOANS : "Tus préstamos: " + codes(loans) + ".";
    return """
        No encontré el préstamo *%s* entre tus préstamos.
        %s"""
        .formatted(code, yours);
  }

  private static String codes(List<Loan> loans) {
    return loans.stream().map(loan -> "*" + loan.code() + "*").collect(Collectors.joining(", "));
  }

  private static String orNotRegistered(String value) {
    return value == null || value.isBlank() ? NOT_REGISTERED : value;
  }

  static String label(PartnerStatus status) {
    return switch (status) {
      case ACTIVE -> "Activo";
      case INACTIVE -> "Inactivo";
      case SUSPENDED -> "Suspendido";
    };
  }

  static String label(LoanStatus status) {
    return switch (status) {
      case ACTIVE -> "Vigente";
      case PAID_OFF -> "Pagado";
      case DEFAULTED -> "En mora";
      case CANCELLED -> "Anulado";
    };
  }

  static String label(Installment installment, LocalDate today) {
    if (installment.isPaid()) {
      return "pagada";
    }
    return installment.isOverdue(today) ? "vencida" : "pendiente";
  }

  /**
   * What a member owes on one loan, or in total.
   *
   * @param nextDueDate the earliest unpaid installment due today or later, null when none
   * @param nextAmount  that installment's amount, null when none
   */
  public record LoanDebt(
      String code,
      String product,
      BigDecimal balance,
      BigDecimal overdueAmount,
      int overdueCount,
      LocalDate nextDueDate,
      BigDecimal nextAmount) {}
}
