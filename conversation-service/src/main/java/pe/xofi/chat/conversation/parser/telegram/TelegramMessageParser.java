package pe.xofi.chat.conversation.parser.telegram;

import pe.xofi.chat.conversation.message.InboundMessage;
import pe.xofi.chat.conversation.message.InboundMessage.ButtonReply;
import pe.xofi.chat.conversation.message.InboundMessage.Media;
import pe.xofi.chat.conversation.message.InboundMessage.MediaKind;
import pe.xofi.chat.conversation.message.InboundMessage.Text;
import pe.xofi.chat.conversation.message.InboundMessage.Unsupported;
import pe.xofi.chat.conversation.message.MessageOrigin;
import pe.xofi.chat.conversation.parser.ProviderMessageParser;
import pe.xofi.chat.schemas.inbound.Provider;
import tools.jackson.databind.JsonNode;

/**
 * Reads one Telegram update: a message's text, a photo with its caption (the largest size, the last
 * of {@code photo[]}), a document, or a {@code callback_query} whose {@code data} is the id the bot
 * gave the inline button; everything else is unsupported. The sender's {@code from.username}, when
 * set, goes with the message's origin to the operators' projection.
 */
public final class TelegramMessageParser implements ProviderMessageParser {

  /** Telegram serves photos re-encoded as JPEG and does not say so in the update. */
  static final String PHOTO_MIME_TYPE = "image/jpeg";

  @Override
  public Provider provider() {
    return Provider.TELEGRAM;
  }

  @Override
  public InboundMessage parse(MessageOrigin origin, JsonNode update) {
    if (update == null || !update.isObject()) {
      return new Unsupported(origin, Unsupported.MALFORMED);
    }
    JsonNode callback = update.get("callback_query");
    if (callback != null && callback.isObject()) {
      origin = withUsername(origin, callback.path("from"));
      String data = string(callback, "data");
      return data == null ? new Unsupported(origin, "callback_game") : new ButtonReply(origin, data, titleOf(callback, data));
    }
    JsonNode message = update.get("message");
    if (message == null || !message.isObject()) {
      return new Unsupported(origin, Unsupported.MALFORMED);
    }
    if (message.path("from").path("is_bot").asBoolean(false)) {
      return new Unsupported(origin, Unsupported.OWN_ECHO);
    }
    origin = withUsername(origin, message.path("from"));
    if (string(message, "text") != null) {
      return new Text(origin, string(message, "text"));
    }
    JsonNode photo = message.get("photo");
    if (photo != null && photo.isArray() && !photo.isEmpty()) {
      JsonNode largest = photo.get(photo.size() - 1);
      return media(origin, MediaKind.IMAGE, largest, PHOTO_MIME_TYPE, string(message, "caption"));
    }
    JsonNode document = message.get("document");
    if (document != null && document.isObject()) {
      return media(origin, MediaKind.DOCUMENT, document, string(document, "mime_type"), string(message, "caption"));
    }
    return new Unsupported(origin, kindOf(message));
  }

  private static InboundMessage media(
      MessageOrigin origin, MediaKind kind, JsonNode file, String mimeType, String caption) {
    String fileId = string(file, "file_id");
    if (fileId == null) {
      return new Unsupported(origin, Unsupported.MALFORMED);
    }
    JsonNode size = file.path("file_size");
    return new Media(origin, kind, fileId, mimeType, caption, null,
        size.canConvertToLong() ? size.asLong() : null, string(file, "file_name"));
  }

  /** Operators find a member on Telegram by {@code @username}; many users have none. */
  private static MessageOrigin withUsername(MessageOrigin origin, JsonNode from) {
    String username = string(from, "username");
    return username == null || username.isBlank() ? origin : origin.withSenderUsername(username);
  }

  /** The text of the tapped button, found in the keyboard of the message it was attached to. */
  private static String titleOf(JsonNode callback, String data) {
    for (JsonNode row : callback.path("message").path("reply_markup").path("inline_keyboard")) {
      for (JsonNode button : row) {
        if (data.equals(string(button, "callback_data"))) {
          return string(button, "text");
        }
      }
    }
    return null;
  }

  private static String kindOf(JsonNode message) {
    for (String kind : new String[] {"sticker", "voice", "audio", "video", "location", "contact"}) {
      if (message.has(kind)) {
        return kind;
      }
    }
    return "other";
  }

  private static String string(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.stringValue() : null;
  }
}
