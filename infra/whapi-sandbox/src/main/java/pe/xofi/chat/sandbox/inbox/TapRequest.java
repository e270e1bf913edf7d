package pe.xofi.chat.sandbox.inbox;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A member tapping a button or list row the bot sent: {@code {"from":"51987654321","id":"estado",
 * "title":"Estado de cuenta"}}; on Meta {@code "list":true} makes it a {@code list_reply}.
 *
 * @param from  the member's phone digits, or the Telegram chat id
 * @param id    the id the bot gave the choice (Meta's reply id, Telegram's {@code callback_data})
 * @param title the text on the button or row
 * @param name  the profile name; optional
 * @param list  whether the choice was a list row rather than a reply button (Meta only); optional
 */
public record TapRequest(String from, String id, String title, String name, Boolean list) {

  private static final Pattern ADDRESS = Pattern.compile("[0-9]{5,15}");

  /** Whether a Meta tap is a {@code list_reply}. */
  boolean isListRow() {
    return Boolean.TRUE.equals(list);
  }

  /** What is wrong with this request, if anything. */
  Optional<String> problem() {
    if (from == null || !ADDRESS.matcher(from).matches()) {
      return Optional.of("from must be 5 to 15 digits");
    }
    if (id == null || id.isBlank()) {
      return Optional.of("id is required");
    }
    // Telegram's callback_data holds 1 to 64 bytes
    return title == null || title.isBlank() ? Optional.of("title is required") : Optional.empty();
  }
}
