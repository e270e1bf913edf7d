package pe.xofi.chat.outbound.status;

import pe.xofi.chat.schemas.status.ProviderStatus;
import tools.jackson.databind.JsonNode;

/**
 * The provider's error of a failed status, from the first item of {@code errors[]} (WHAPI and Meta
 * alike): {@code "<code> <title or message>: <details>"}, whatever of it is present; null when there is none.
 * It may quote the recipient, so it goes only into the delivery event, never into a log line.
 */
final class StatusError {

  private StatusError() {}

  static String of(ProviderStatus status) {
    JsonNode raw = status.raw();
    JsonNode error = raw == null ? null : raw.path("errors").path(0);
    if (error == null || !error.isObject()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    append(text, " ", error.path("code"));
    JsonNode title = error.path("title").isMissingNode() ? error.path("message") : error.path("title");
    append(text, " ", title);
    append(text, ": ", error.path("error_data").path("details"));
    return text.isEmpty() ? null : text.toString();
  }

  private static void append(StringBuilder text, String separator, JsonNode part) {
    if (part.isValueNode() && !part.isNull() && !part.asString().isBlank()) {
      text.append(text.isEmpty() ? "" : separator).append(part.asString());
    }
  }
}
