package pe.xofi.chat.conversation.parser.whapi;

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
 * Reads one element of a WHAPI webhook's {@code messages} array: text, image, document and button or
 * list replies; everything else, and the bot's own {@code from_me} echoes, is unsupported.
 */
public final class WhapiMessageParser implements ProviderMessageParser {

  /** WHAPI returns a quick-reply id prefixed with this (PROVIDERS.md, button reply). */
  static final String BUTTON_ID_PREFIX = "ButtonsV3:";

  /** The list counterpart of {@link #BUTTON_ID_PREFIX}, stripped when present. */
  static final String LIST_ID_PREFIX = "ListV3:";

  @Override
  public Provider provider() {
    return Provider.WHAPI;
  }

  @Override
  public InboundMessage parse(MessageOrigin origin, JsonNode raw) {
    if (raw == null || !raw.isObject()) {
      return new Unsupported(origin, Unsupported.MALFORMED);
    }
    if (raw.path("from_me").asBoolean(false)) {
      // answering our own echo would loop forever
      return new Unsupported(origin, Unsupported.OWN_ECHO);
    }
    String type = string(raw, "type");
    if (type == null) {
      return new Unsupported(origin, Unsupported.MALFORMED);
    }
    return switch (type) {
      case "text" -> text(origin, raw.path("text"));
      case "image" -> media(origin, MediaKind.IMAGE, raw.path("image"));
      case "document" -> media(origin, MediaKind.DOCUMENT, raw.path("document"));
      case "reply" -> reply(origin, raw.path("reply"));
      default -> new Unsupported(origin, type);
    };
  }

  private static InboundMessage text(MessageOrigin origin, JsonNode text) {
    String body = string(text, "body");
    return body == null ? new Unsupported(origin, Unsupported.MALFORMED) : new Text(origin, body);
  }

  private static InboundMessage media(MessageOrigin origin, MediaKind kind, JsonNode file) {
    String mediaId = string(file, "id");
    if (mediaId == null) {
      return new Unsupported(origin, Unsupported.MALFORMED);
    }
    return new Media(
        origin,
        kind,
        mediaId,
        string(file, "mime_type"),
        string(file, "caption"),
        string(file, "link"),
        file.path("file_size").canConvertToLong() ? file.path("file_size").asLong() : null,
        string(file, "file_name"));
  }

  private static InboundMessage reply(MessageOrigin origin, JsonNode reply) {
    String replyType = string(reply, "type");
    JsonNode choice =
        switch (replyType == null ? "" : replyType) {
          case "buttons_reply" -> reply.path("buttons_reply");
          case "list_reply" -> reply.path("list_reply");
          default -> null;
        };
    String id = choice == null ? null : string(choice, "id");
    if (id == null) {
      return new Unsupported(origin, Unsupported.MALFORMED);
    }
    return new ButtonReply(origin, bare(id), string(choice, "title"));
  }

  /** The id the bot sent, without the prefix WHAPI adds to it. */
  private static String bare(String id) {
    for (String prefix : new String[] {BUTTON_ID_PREFIX, LIST_ID_PREFIX}) {
      if (id.startsWith(prefix)) {
        return id.substring(prefix.length());
      }
    }
    return id;
  }

  /** The string at {@code field}, or null when it is missing or not a string. */
  private static String string(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.stringValue() : null;
  }
}
