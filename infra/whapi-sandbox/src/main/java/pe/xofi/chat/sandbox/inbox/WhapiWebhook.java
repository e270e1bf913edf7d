package pe.xofi.chat.sandbox.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * WHAPI's {@code messages.post} webhook envelope, field for field as WHAPI posts it
 * (support.whapi.cloud, "incoming message" webhook format).
 */
public record WhapiWebhook(
    List<Message> messages, Event event, @JsonProperty("channel_id") String channelId) {

  /** An incoming text message. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Message(
      String id,
      @JsonProperty("from_me") boolean fromMe,
      String type,
      @JsonProperty("chat_id") String chatId,
      long timestamp,
      String source,
      Text text,
      String from,
      @JsonProperty("from_name") String fromName) {}

  /** The text content. */
  public record Text(String body) {}

  /** Which event this is: {@code {"type":"messages","event":"post"}}. */
  public record Event(String type, String event) {}
}
