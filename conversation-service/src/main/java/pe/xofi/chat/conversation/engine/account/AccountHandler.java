package pe.xofi.chat.conversation.engine.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pe.xofi.chat.conversation.engine.IntentDetector;
import pe.xofi.chat.conversation.engine.Turn;
import pe.xofi.chat.conversation.member.Installment;
import pe.xofi.chat.conversation.member.Loan;
import pe.xofi.chat.conversation.member.LoanStatus;
import pe.xofi.chat.conversation.member.Partner;
import pe.xofi.chat.conversation.member.PartnerDirectory;

/**
 * A member's own data: personal data, the statement of the loans that still carry debt (balance =
 * unpaid installments, overdue = unpaid and due before today), the loan list and one loan's
 * schedule. A loan code the member does not hold is answered as not found.
 */
public final class AccountHandler {

  /** {@code PR-1001}, {@code pr 1001}, {@code préstamo 1001}, {@code detalle 1001}. */
  private static final Pattern LOAN_CODE =
      Pattern.compile("\\b(?:pr|prestamo|credito|detalle)(?: de prestamo| del prestamo)? ?(?:pr )?([0-9]{1,10})\\b");

  private final PartnerDirectory partners;

  public AccountHandler(PartnerDirectory partners) {
    this.partners = partners;
  }

  public void personalData(Turn turn, Partner partner) {
    turn.say(AccountTexts.personalData(partner));
  }

  public void statement(Turn turn, Partner partner) {
    LocalDate today = turn.today();
    List<AccountTexts.LoanDebt> debts =
        partners.loansOf(partner.id()).stream()
            .filter(loan -> loan.status() == LoanStatus.ACTIVE || loan.status() == LoanStatus.DEFAULTED)
            .map(loan -> debtOf(loan, today))
            .toList();
    if (debts.isEmpty()) {
      turn.say(AccountTexts.NO_DEBTS);
      return;
    }
    turn.say(AccountTexts.statement(debts, total(debts)));
  }

  public void loans(Turn turn, Partner partner) {
    List<Loan> loans = partners.loansOf(partner.id());
    turn.say(loans.isEmpty() ? AccountTexts.NO_LOANS : AccountTexts.loans(loans));
  }

  /** The detail of the loan whose code is in {@code text}, or the question which one. */
  public void loanDetail(Turn turn, Partner partner, String text) {
    List<Loan> loans = partners.loansOf(partner.id());
    Optional<String> code = loanCode(text);
    if (code.isEmpty()) {
      if (loans.isEmpty()) {
        turn.say(AccountTexts.NO_LOANS);
      } else {
        turn.say(LoanChoices.whichLoan(loans));
      }
      return;
    }
    Optional<Loan> loan =
        loans.stream().filter(candidate -> candidate.code().equalsIgnoreCase(code.get())).findFirst();
    turn.say(
        loan.isPresent()
            ? AccountTexts.loanDetail(loan.get(), turn.today())
            : AccountTexts.loanNotFound(code.get(), loans));
  }

  /** The loan code in a member's text, as {@code PR-<digits>}. */
  static Optional<String> loanCode(String text) {
    Matcher matcher = LOAN_CODE.matcher(IntentDetector.normalise(text));
    return matcher.find()
        ? Optional.of("PR-" + matcher.group(1).toUpperCase(Locale.ROOT))
        : Optional.empty();
  }

  private static AccountTexts.LoanDebt debtOf(Loan loan, LocalDate today) {
    List<Installment> overdue = loan.installments().stream().filter(i -> i.isOverdue(today)).toList();
    Optional<Installment> next =
        loan.installments().stream()
            .filter(i -> !i.isPaid() && !i.dueDate().isBefore(today))
            .min(Comparator.comparing(Installment::dueDate));
    return new AccountTexts.LoanDebt(
        loan.code(),
        loan.product(),
        loan.balance(),
        sum(overdue),
        overdue.size(),
        next.map(Installment::dueDate).orElse(null),
        next.map(Installment::amount).orElse(null));
  }

  private static AccountTexts.LoanDebt total(List<AccountTexts.LoanDebt> debts) {
    Optional<AccountTexts.LoanDebt> soonest =
        debts.stream()
            .filter(debt -> debt.nextDueDate() != null)
            .min(Comparator.comparing(AccountTexts.LoanDebt::nextDueDate));
    return new AccountTexts.LoanDebt(
        null,
        null,
        debts.stream().map(AccountTexts.LoanDebt::balance).reduce(BigDecimal.ZERO, BigDecimal::add),
        debts.stream().map(AccountTexts.LoanDebt::overdueAmount).reduce(BigDecimal.ZERO, BigDecimal::add),
        debts.stream().mapToInt(AccountTexts.LoanDebt::overdueCount).sum(),
        soonest.map(AccountTexts.LoanDebt::nextDueDate).orElse(null),
        soonest.map(AccountTexts.LoanDebt::nextAmount).orElse(null));
  }

  private static BigDecimal sum(List<Installment> installments) {
    return installments.stream().map(Installment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
