package pe.xofi.chat.outbound.provider.meta;

import java.util.List;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundContent.Choice;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of Meta's {@code POST /{version}/{phone-number-id}/messages} for a reply: text, reply
 * buttons ({@code interactive.type=button}, at most 3, titles up to 20 characters), lists
 * ({@code interactive.type=list}, row titles up to 24) or an approved template; Meta's limits are
 * applied by cutting, since a refused send would leave the member without any answer.
 */
public final class MetaMessageRequest {

  static final int BUTTON_TITLE_MAX = 20;
  static final int ROW_TITLE_MAX = 24;
  static final int ROW_DESCRIPTION_MAX = 72;

  private MetaMessageRequest() {}

  /** The JSON body for {@code message}. */
  public static ObjectNode of(OutboundMessage message) {
    ObjectNode body = Json.MAPPER.createObjectNode()
        .put("messaging_product", "whatsapp")
        .put("recipient_type", "individual")
        .put("to", message.recipient());
    switch (message.content()) {
      case OutboundContent.Text text -> body.put("type", "text").putObject("text").put("body", text.body());
      case OutboundContent.Buttons buttons -> {
        ObjectNode interactive = interactive(body, "button", buttons.header(), buttons.body(), buttons.footer());
        ArrayNode list = interactive.putObject("action").putArray("buttons");
        buttons.buttons().stream().limit(3).forEach(choice -> list.addObject()
            .put("type", "reply")
            .putObject("reply").put("id", choice.id()).put("title", cut(choice.title(), BUTTON_TITLE_MAX)));
      }
      case OutboundContent.ListMenu menu -> {
        ObjectNode interactive = interactive(body, "list", menu.header(), menu.body(), menu.footer());
        ObjectNode action = interactive.putObject("action").put("button", cut(menu.label(), BUTTON_TITLE_MAX));
        ArrayNode sections = action.putArray("sections");
        menu.sections().forEach(section -> {
          ObjectNode node = sections.addObject().put("title", cut(section.title(), ROW_TITLE_MAX));
          rows(node.putArray("rows"), section.rows());
        });
      }
      case OutboundContent.Template template -> {
        ObjectNode node = body.put("type", "template").putObject("template").put("name", template.name());
        node.putObject("language").put("code", template.language());
        if (!template.parameters().isEmpty()) {
          ArrayNode parameters = node.putArray("components").addObject().put("type", "body").putArray("parameters");
          template.parameters().forEach(p -> parameters.addObject().put("type", "text").put("text", p));
        }
      }
    }
    return body;
  }

  private static ObjectNode interactive(ObjectNode body, String type, String header, String text, String footer) {
    ObjectNode interactive = body.put("type", "interactive").putObject("interactive").put("type", type);
    if (header != null && !header.isBlank()) {
      interactive.putObject("header").put("type", "text").put("text", header);
    }
    interactive.putObject("body").put("text", text);
    if (footer != null && !footer.isBlank()) {
      interactive.putObject("footer").put("text", footer);
    }
    return interactive;
  }

  private static void rows(ArrayNode rows, List<Choice> choices) {
    choices.forEach(choice -> {
      ObjectNode row = rows.addObject().put("id", choice.id()).put("title", cut(choice.title(), ROW_TITLE_MAX));
      if (choice.description() != null && !choice.description().isBlank()) {
        row.put("description", cut(choice.description(), ROW_DESCRIPTION_MAX));
      }
    });
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
