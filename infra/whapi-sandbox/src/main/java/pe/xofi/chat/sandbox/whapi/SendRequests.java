package pe.xofi.chat.sandbox.whapi;

import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The required fields of WHAPI's send requests, checked as the OpenAPI spec declares them. */
final class SendRequests {

  /** WHAPI's pattern for {@code to}: a phone number or a chat id such as {@code 51987654321@s.whatsapp.net}. */
  private static final Pattern TO = Pattern.compile("^[\\d-]{9,31}(@[\\w.]+)?$");

  private SendRequests() {}

  /** What is wrong with a {@code POST /messages/text} body, if anything. */
  static Optional<String> problemWithText(JsonNode request) {
    return problemWithTo(request).or(() -> blank(request.path("body")) ? Optional.of("body is required") : Optional.empty());
  }

  /** What is wrong with a {@code POST /messages/interactive} body, if anything. */
  static Optional<String> problemWithInteractive(JsonNode request) {
    Optional<String> to = problemWithTo(request);
    if (to.isPresent()) {
      return to;
    }
    JsonNode action = request.path("action");
    if (!action.isObject()) {
      return Optional.of("action is required");
    }
    boolean hasButtons = action.path("buttons").isArray() && !action.path("buttons").isEmpty();
    boolean hasList = action.path("list").isObject() && action.path("list").path("sections").isArray();
    if (!hasButtons && !hasList) {
      return Optional.of("action needs buttons or a list with sections");
    }
    return Optional.empty();
  }

  private static Optional<String> problemWithTo(JsonNode request) {
    if (request == null || !request.isObject()) {
      return Optional.of("request body must be a JSON object");
    }
    JsonNode to = request.path("to");
    if (blank(to)) {
      return Optional.of("to is required");
    }
    if (!TO.matcher(to.asString()).matches()) {
      return Optional.of("to must be a phone number or a chat id");
    }
    return Optional.empty();
  }

  private static boolean blank(JsonNode node) {
    return !node.isString() || node.asString().isBlank();
  }
}
