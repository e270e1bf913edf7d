package pe.xofi.chat.conversation.engine;

import java.util.Arrays;
import java.util.List;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundContent.Choice;
import pe.xofi.chat.schemas.outbound.OutboundContent.ListMenu;
import pe.xofi.chat.schemas.outbound.OutboundContent.Section;

/**
 * The menu as an interactive list: six items are more than WhatsApp's three buttons. The list's body
 * is the whole text the bot answered before, so text-only channels see exactly that text.
 */
public final class Menus {

  /** The button that opens the list (≤ 20 characters). */
  public static final String LABEL = "Ver opciones";

  /** The title of the list's only section (≤ 24 characters). */
  public static final String SECTION = "Opciones";

  /** One row per menu item, in order. */
  public static final List<Choice> ROWS =
      Arrays.stream(MenuOption.values())
          .map(option -> new Choice(ChoiceIds.menu(option), option.title(), option.description()))
          .toList();

  private Menus() {}

  /** The menu list under {@code body}. */
  public static OutboundContent list(String body) {
    return new ListMenu(null, body, null, LABEL, List.of(new Section(SECTION, ROWS)));
  }
}
