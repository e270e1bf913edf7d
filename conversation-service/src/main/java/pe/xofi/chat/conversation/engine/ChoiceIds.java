package pe.xofi.chat.conversation.engine;

import java.util.Optional;

/**
 * The ids the bot gives its buttons and list rows: {@code menu.<n>} is menu item n and {@code
 * loan.<code>} the detail of a loan. A tapped choice is read as the command the member could have
 * typed instead, so a tap and its typed twin are answered alike, pending forms included.
 */
public final class ChoiceIds {

  private static final String MENU = "menu.";
  private static final String LOAN = "loan.";

  private ChoiceIds() {}

  /** The id of menu item {@code option}. */
  public static String menu(MenuOption option) {
    return MENU + option.number();
  }

  /** The id of the choice of loan {@code code}. */
  public static String loan(String code) {
    return LOAN + code;
  }

  /** The command text that choice {@code id} stands for, empty when the id is not the bot's. */
  static Optional<String> command(String id) {
    if (id == null) {
      return Optional.empty();
    }
    if (id.startsWith(MENU) && id.length() > MENU.length()) {
      return Optional.of(id.substring(MENU.length()));
    }
    if (id.startsWith(LOAN) && id.length() > LOAN.length()) {
      return Optional.of("detalle " + id.substring(LOAN.length()));
    }
    return Optional.empty();
  }
}
