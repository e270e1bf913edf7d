package pe.xofi.chat.sandbox.inbox;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A member taps a button or a list row of a message the bot sent: {@code {"from":"51987654321",
 * "name":"María","quotedId":"<the bot message's id>","type":"list_reply","id":"menu.2","title":"Estado
 * de cuenta","description":"El resumen de tus deudas"}}.
 *
 * @param from        the member's phone digits
 * @param name        the WhatsApp profile name; optional
 * @param quotedId    the id of the bot's interactive message; optional
 * @param type        {@code buttons_reply} or {@code list_reply}
 * @param id          the choice's id as the bot sent it, without WHAPI's prefix
 * @param title       the choice's title
 * @param description a list row's description; optional
 */
public record ReplyRequest(
    String from, String name, String quotedId, String type, String id, String title, String description) {

  static final String BUTTONS_REPLY = "buttons_reply";
  static final String LIST_REPLY = "list_reply";

  private static final Pattern PHONE = Pattern.compile("[0-9]{9,15}");
  private static final Set<String> TYPES = Set.of(BUTTONS_REPLY, LIST_REPLY);

  /** Whether a button rather than a list row was tapped. */
  boolean isButton() {
    return BUTTONS_REPLY.equals(type);
  }

  /** What is wrong with this request, if anything. */
  Optional<String> problem() {
    if (from == null || !PHONE.matcher(from).matches()) {
      return Optional.of("from must be 9 to 15 digits");
    }
    if (!TYPES.contains(type)) {
      return Optional.of("type must be buttons_reply or list_reply");
    }
    if (id == null || id.isBlank()) {
      return Optional.of("id is required");
    }
    return title == null || title.isBlank() ? Optional.of("title is required") : Optional.empty();
  }
}
