package pe.xofi.chat.sandbox.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * WHAPI's {@code messages.post} webhook envelope, field for field as WHAPI posts it
 * (support.whapi.cloud, "incoming message" webhook format; media objects from the OpenAPI {@code
 * MediaFile} schema).
 */
public record WhapiWebhook(
    List<Message> messages, Event event, @JsonProperty("channel_id") String channelId) {

  /** An incoming message with exactly one content object matching {@code type}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Message(
      String id,
      @JsonProperty("from_me") boolean fromMe,
      String type,
      @JsonProperty("chat_id") String chatId,
      long timestamp,
      String source,
      Text text,
      Image image,
      Document document,
      Reply reply,
      Context context,
      String from,
      @JsonProperty("from_name") String fromName) {}

  /**
   * A tap on a quick-reply button ({@code buttons_reply}) or a list row ({@code list_reply}) of a
   * message the bot sent; exactly one of the two choice objects matches {@code type}.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Reply(
      String type,
      @JsonProperty("buttons_reply") Choice buttonsReply,
      @JsonProperty("list_reply") Choice listReply) {}

  /** The tapped choice: its id as WHAPI returns it (prefixed), its title and a row's description. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Choice(String id, String title, String description) {}

  /** The message a reply answers. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Context(
      @JsonProperty("quoted_id") String quotedId, @JsonProperty("quoted_type") String quotedType) {}

  /** The text content. */
  public record Text(String body) {}

  /** A photo; {@code id} is the MediaID for {@code GET /media/{MediaID}}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Image(
      String id,
      @JsonProperty("mime_type") String mimeType,
      @JsonProperty("file_size") long fileSize,
      String sha256,
      String caption) {}

  /** A file sent as a document (PDFs and anything that is not an image). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Document(
      String id,
      @JsonProperty("mime_type") String mimeType,
      @JsonProperty("file_size") long fileSize,
      String sha256,
      String caption,
      String filename) {}

  /** Which event this is: {@code {"type":"messages","event":"post"}}. */
  public record Event(String type, String event) {}
}
