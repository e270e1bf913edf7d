package pe.xofi.chat.conversation.parser.meta;

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
 * Reads one element of a Meta Cloud API webhook's {@code value.messages[]}: text, image, document
 * and interactive {@code button_reply}/{@code list_reply}; every other type is unsupported. Meta's
 * media carry no link, only the media id the outbound service resolves in two steps.
 */
public final class MetaMessageParser implements ProviderMessageParser {

  @Override
  public Provider provider() {
    return Provider.META;
  }

  @Override
  public InboundMessage parse(MessageOrigin origin, JsonNode raw) {
    String type = raw == null || !raw.isObject() ? null : string(raw, "type");
    if (type == null) {
      return new Unsupported(origin, Unsupported.MALFORMED);
    }
    return switch (type) {
      case "text" -> {
        String body = string(raw.path("text"), "body");
        yield body == null ? new Unsupported(origin, Unsupported.MALFORMED) : new Text(origin, body);
      }
      case "image" -> media(origin, MediaKind.IMAGE, raw.path("image"));
      case "document" -> media(origin, MediaKind.DOCUMENT, raw.path("document"));
      case "interactive" -> interactive(origin, raw.path("interactive"));
      default -> new Unsupported(origin, type);
    };
  }

  private static InboundMessage media(MessageOrigin origin, MediaKind kind, JsonNode file) {
    String mediaId = string(file, "id");
    if (mediaId == null) {
      return new Unsupported(origin, Unsupported.MALFORMED);
    }
    JsonNode size = file.path("file_size");
    return new Media(
        origin,
        kind,
        mediaId,
        string(file, "mime_type"),
        string(file, "caption"),
        null,
        size.canConvertToLong() ? size.asLong() : null,
        string(file, "filename"));
  }

  private static InboundMessage interactive(MessageOrigin origin, JsonNode interactive) {
    String kind = string(interactive, "type");
    JsonNode choice = kind == null ? null : interactive.get(kind);
    boolean reply = "button_reply".equals(kind) || "list_reply".equals(kind);
    String id = reply && choice != null ? string(choice, "id") : null;
    return id == null
        ? new Unsupported(origin, Unsupported.MALFORMED)
        : new ButtonReply(origin, id, string(choice, "title"));
  }

  private static String string(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.stringValue() : null;
  }
}
