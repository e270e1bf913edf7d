package pe.xofi.chat.outbound.provider.telegram;

import java.util.List;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundContent.Choice;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of Telegram's {@code sendMessage} for a reply: the text (header and footer of a menu
 * around its body) and, for buttons and lists, an inline keyboard with one button per row whose
 * {@code callback_data} is the choice id (Telegram allows 1–64 bytes). Sent without
 * {@code parse_mode}, since WhatsApp's {@code *bold*} would be refused as broken Markdown.
 */
public final class TelegramSendMessage {

  static final int CALLBACK_DATA_MAX = 64;

  private TelegramSendMessage() {}

  public static ObjectNode of(OutboundMessage message) {
    ObjectNode body = Json.MAPPER.createObjectNode().put("chat_id", message.recipient());
    switch (message.content()) {
      case OutboundContent.Buttons buttons -> {
        body.put("text", text(buttons.header(), buttons.body(), buttons.footer()));
        keyboard(body, buttons.buttons());
      }
      case OutboundContent.ListMenu menu -> {
        body.put("text", text(menu.header(), menu.body(), menu.footer()));
        keyboard(body, menu.sections().stream().flatMap(s -> s.rows().stream()).toList());
      }
      case OutboundContent content -> body.put("text", content.fallbackText());
    }
    return body;
  }

  private static void keyboard(ObjectNode body, List<Choice> choices) {
    ArrayNode rows = body.putObject("reply_markup").putArray("inline_keyboard");
    choices.forEach(choice -> rows.addArray().addObject()
        .put("text", choice.title())
        .put("callback_data", choice.id().length() <= CALLBACK_DATA_MAX ? choice.id() : choice.id().substring(0, CALLBACK_DATA_MAX)));
  }

  private static String text(String header, String body, String footer) {
    StringBuilder text = new StringBuilder();
    if (header != null && !header.isBlank()) {
      text.append(header).append("\n\n");
    }
    text.append(body);
    if (footer != null && !footer.isBlank()) {
      text.append("\n\n").append(footer);
    }
    return text.toString();
  }
}
