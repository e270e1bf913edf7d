package pe.xofi.chat.outbound.provider.meta;

import java.util.Set;
import pe.xofi.chat.outbound.send.PermanentSendFailure;
import pe.xofi.chat.outbound.send.SentReceipt;
import pe.xofi.chat.outbound.send.TransientSendFailure;
import pe.xofi.chat.schemas.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads Meta's answer to a send by its {@code error.code}, whatever the HTTP status: throughput
 * (130429), pair-rate (131056), spam-rate (131048), WABA rate (80007) limits and an upgrade in
 * progress (131057) are transient and backed off; 131047 (the 24-hour customer-service window has
 * closed) is permanent and says a template is needed; other 4xx are permanent, 429 and 5xx
 * transient.
 */
public final class MetaResponses {

  /** Codes after which the same send succeeds once the sender slows down (PROVIDERS.md). */
  static final Set<Integer> RATE_LIMITS = Set.of(130429, 131056, 131048, 80007, 131057);

  /** More than 24 hours since the member last wrote: only templates may be sent. */
  static final int WINDOW_CLOSED = 131047;

  private MetaResponses() {}

  /**
   * The receipt of a successful send ({@code messages[0].id}).
   *
   * @throws PermanentSendFailure when Meta refused the message for good
   * @throws TransientSendFailure when a later try may succeed
   */
  public static SentReceipt outcome(int status, String body) {
    JsonNode json = parse(body);
    if (status >= 200 && status < 300) {
      JsonNode id = json.at("/messages/0/id");
      return new SentReceipt(id.isString() ? id.asString() : null, status);
    }
    JsonNode error = json.path("error");
    Integer code = error.path("code").canConvertToInt() ? error.path("code").asInt() : null;
    String detail = detail(code, error, body);
    String message = "Meta answered " + status + (code == null ? "" : " with error " + code);
    if (code != null && code == WINDOW_CLOSED) {
      throw new PermanentSendFailure(message, status,
          "24-hour customer service window closed (131047): the member has not written for more than "
              + "24 hours, so only an approved template can reach them; " + detail);
    }
    if ((code != null && RATE_LIMITS.contains(code)) || status == 429 || status >= 500) {
      throw new TransientSendFailure(message, status, detail, null);
    }
    throw new PermanentSendFailure(message, status, detail);
  }

  /** {@code code: message (details)}, else the raw body. */
  private static String detail(Integer code, JsonNode error, String body) {
    if (!error.path("message").isString()) {
      return body == null || body.isBlank() ? "(no body)" : body;
    }
    JsonNode details = error.path("error_data").path("details");
    return (code == null ? "" : code + ": ") + error.path("message").asString()
        + (details.isString() ? " (" + details.asString() + ")" : "");
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
