package pe.xofi.chat.outbound.provider.telegram;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pe.xofi.chat.outbound.send.PermanentSendFailure;
import pe.xofi.chat.outbound.send.SentReceipt;
import pe.xofi.chat.outbound.send.TransientSendFailure;
import pe.xofi.chat.schemas.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the Bot API's answer: {@code ok: true} is sent (the id is {@code result.message_id}); 429 is
 * transient and carries {@code parameters.retry_after} (or the "retry after N" of older bodies); 5xx
 * is transient; every other error (403 bot blocked, 400 chat not found) is permanent.
 */
public final class TelegramResponses {

  private static final Pattern RETRY_AFTER = Pattern.compile("retry after (\\d+)");

  private TelegramResponses() {}

  public static SentReceipt outcome(int status, String body) {
    JsonNode json = parse(body);
    if (status >= 200 && status < 300 && json.path("ok").asBoolean(false)) {
      JsonNode id = json.at("/result/message_id");
      return new SentReceipt(id.canConvertToLong() ? Long.toString(id.asLong()) : null, status);
    }
    String description = json.path("description").isString() ? json.path("description").asString()
        : (body == null || body.isBlank() ? "(no body)" : body);
    String message = "Telegram answered " + status;
    if (status == 429) {
      throw new TransientSendFailure(message, status, description, null, retryAfter(json, description));
    }
    if (status >= 500) {
      throw new TransientSendFailure(message, status, description, null);
    }
    throw new PermanentSendFailure(message, status, description);
  }

  /** {@code parameters.retry_after} seconds, else the number in the description, else unknown. */
  static Duration retryAfter(JsonNode json, String description) {
    JsonNode seconds = json.at("/parameters/retry_after");
    if (seconds.canConvertToLong()) {
      return Duration.ofSeconds(seconds.asLong());
    }
    Matcher m = RETRY_AFTER.matcher(description);
    return m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : null;
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return Json.MAPPER.missingNode();
    }
    try {
      return Json.MAPPER.readTree(body);
    } catch (JacksonException e) {
      return Json.MAPPER.missingNode();
    }
  }
}
