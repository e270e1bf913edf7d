package pe.xofi.chat.outbound.provider.whapi;

import java.time.Duration;
import pe.xofi.chat.outbound.send.PermanentSendFailure;
import pe.xofi.chat.outbound.send.SentReceipt;
import pe.xofi.chat.outbound.send.TransientSendFailure;
import pe.xofi.chat.schemas.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads WHAPI's answer to a send: any 2xx is sent (the id is {@code message.id} of the
 * {@code SentMessage}), 429 and 5xx are transient (a 429 waits for its {@code Retry-After}, or a
 * {@code retry_after} field in seconds, when given), every other status is a permanent refusal.
 */
public final class WhapiResponses {

  private WhapiResponses() {}

  /**
   * The receipt of a successful send.
   *
   * @throws PermanentSendFailure for a 4xx other than 429
   * @throws TransientSendFailure for 429 and 5xx
   */
  public static SentReceipt outcome(int status, String body) {
    return outcome(status, null, body);
  }

  /** The same, with the {@code Retry-After} already read from the answer's headers (null if none). */
  public static SentReceipt outcome(int status, Duration retryAfter, String body) {
    JsonNode json = parse(body);
    if (status >= 200 && status < 300) {
      JsonNode id = json.at("/message/id");
      return new SentReceipt(id.isString() ? id.asString() : null, status);
    }
    String detail = errorMessage(json, body);
    String message = "WHAPI answered " + status;
    if (status == 429 || status >= 500) {
      throw new TransientSendFailure(message, status, detail, null,
          retryAfter != null ? retryAfter : retryAfterField(json));
    }
    throw new PermanentSendFailure(message, status, detail);
  }

  /** WHAPI's {@code error.message} (plus {@code error.details}), else the raw body. */
  private static String errorMessage(JsonNode json, String body) {
    JsonNode error = json.path("error");
    if (error.path("message").isString()) {
      String details = error.path("details").isString() ? ": " + error.path("details").asString() : "";
      return error.path("message").asString() + details;
    }
    return body == null || body.isBlank() ? "(no body)" : body;
  }

  /** A {@code retry_after} number of seconds, top level or inside {@code error}, if WHAPI sent one. */
  private static Duration retryAfterField(JsonNode json) {
    for (JsonNode field : new JsonNode[] {json.path("retry_after"), json.path("error").path("retry_after")}) {
      if (field.isNumber() && field.asDouble() >= 0) {
        return Duration.ofMillis((long) (field.asDouble() * 1000));
      }
    }
    return null;
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
