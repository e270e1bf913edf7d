package pe.xofi.chat.sandbox.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/**
 * How the ingress answered a webhook: its status and body, or why it could not be reached.
 *
 * @param status the ingress's HTTP status; null when unreachable
 * @param body   the ingress's body (JSON when it was JSON, else a string); null when empty
 * @param error  why the ingress could not be reached; null when it answered
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngressAnswer(Integer status, JsonNode body, String error) {

  static IngressAnswer unreachable(String error) {
    return new IngressAnswer(null, null, error);
  }
}
