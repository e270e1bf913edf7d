package pe.xofi.chat.conversation.engine.account;

import java.util.List;
import pe.xofi.chat.conversation.engine.ChoiceIds;
import pe.xofi.chat.conversation.member.Loan;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundContent.Buttons;
import pe.xofi.chat.schemas.outbound.OutboundContent.Choice;
import pe.xofi.chat.schemas.outbound.OutboundContent.ListMenu;
import pe.xofi.chat.schemas.outbound.OutboundContent.Section;

/**
 * The "which loan?" question with one choice per loan of the member: buttons for up to three loans
 * (WhatsApp's limit), a list beyond; its body is the question's text.
 */
public final class LoanChoices {

  /** WhatsApp's most buttons in one message. */
  static final int MAX_BUTTONS = 3;

  /** The button that opens the list (≤ 20 characters). */
  public static final String LABEL = "Ver préstamos";

  /** The title of the list's only section (≤ 24 characters). */
  public static final String SECTION = "Tus préstamos";

  /** WhatsApp's limits: button title 20, row title 24, row description 72 characters. */
  private static final int BUTTON_TITLE = 20;
  private static final int ROW_TITLE = 24;
  private static final int ROW_DESCRIPTION = 72;

  private LoanChoices() {}

  /** The question which of {@code loans} (not empty) the member wants the detail of. */
  public static OutboundContent whichLoan(List<Loan> loans) {
    String body = AccountTexts.whichLoan(loans);
    if (loans.size() <= MAX_BUTTONS) {
      List<Choice> buttons =
          loans.stream()
              .map(loan -> new Choice(ChoiceIds.loan(loan.code()), cut(loan.code(), BUTTON_TITLE), null))
              .toList();
      return new Buttons(null, body, null, buttons);
    }
    List<Choice> rows =
        loans.stream()
            .map(
                loan ->
                    new Choice(
                        ChoiceIds.loan(loan.code()),
                        cut(loan.code(), ROW_TITLE),
                        cut(loan.product(), ROW_DESCRIPTION)))
            .toList();
    return new ListMenu(null, body, null, LABEL, List.of(new Section(SECTION, rows)));
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
