package pe.xofi.chat.sandbox.whapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * WHAPI's answer to a send (OpenAPI {@code SentMessage}): {@code sent} and the created message,
 * whose id callers keep as the provider message id; the status stays {@code pending} until WhatsApp
 * confirms.
 */
public record SentMessage(boolean sent, Message message) {

  /** The created message, with exactly one content object matching {@code type}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Message(
      String id,
      @JsonProperty("from_me") boolean fromMe,
      String type,
      @JsonProperty("chat_id") String chatId,
      long timestamp,
      String status,
      Text text,
      JsonNode interactive) {}

  /** The content of a text message. */
  public record Text(String body) {}
}
