package pe.xofi.chat.sandbox.inbox;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A person typing as a member: {@code {"from":"51987654321","text":"Hola","name":"María"}}.
 *
 * @param from the member's phone digits
 * @param text what the member writes
 * @param name the WhatsApp profile name; optional
 */
public record InboxRequest(String from, String text, String name) {

  private static final Pattern PHONE = Pattern.compile("[0-9]{9,15}");

  /** What is wrong with this request, if anything. */
  Optional<String> problem() {
    if (from == null || !PHONE.matcher(from).matches()) {
      return Optional.of("from must be 9 to 15 digits");
    }
    if (text == null || text.isBlank()) {
      return Optional.of("text is required");
    }
    return Optional.empty();
  }
}
