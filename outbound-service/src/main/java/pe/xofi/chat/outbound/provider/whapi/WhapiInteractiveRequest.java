package pe.xofi.chat.outbound.provider.whapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import pe.xofi.chat.schemas.outbound.OutboundContent;

/**
 * WHAPI's {@code POST /messages/interactive} body: quick-reply buttons ({@code type "button"}, at
 * most three) or a list ({@code type "list"}); the member's click comes back as {@code
 * ButtonsV3:<id>} or a {@code list_reply} with the row id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WhapiInteractiveRequest(
    String to, String type, Text header, Text body, Text footer, Action action) {

  /** WHAPI allows at most three quick-reply buttons per message. */
  public static final int MAX_BUTTONS = 3;

  public record Text(String text) {
    static Text of(String text) {
      return text == null || text.isBlank() ? null : new Text(text);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Action(List<Button> buttons, ListAction list) {}

  public record Button(String type, String title, String id) {}

  public record ListAction(String label, List<Section> sections) {}

  public record Section(String title, List<Row> rows) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Row(String id, String title, String description) {}

  /** Whether WHAPI can show {@code content} as an interactive message. */
  public static boolean fits(OutboundContent content) {
    return switch (content) {
      case OutboundContent.Buttons buttons -> !buttons.buttons().isEmpty() && buttons.buttons().size() <= MAX_BUTTONS;
      case OutboundContent.ListMenu list -> !list.sections().isEmpty();
      default -> false;
    };
  }

  public static WhapiInteractiveRequest of(String to, OutboundContent.Buttons content) {
    List<Button> buttons = content.buttons().stream()
        .map(choice -> new Button("quick_reply", choice.title(), choice.id()))
        .toList();
    return new WhapiInteractiveRequest(to, "button", Text.of(content.header()), new Text(content.body()),
        Text.of(content.footer()), new Action(buttons, null));
  }

  public static WhapiInteractiveRequest of(String to, OutboundContent.ListMenu content) {
    List<Section> sections = content.sections().stream()
        .map(section -> new Section(section.title(), section.rows().stream()
            .map(row -> new Row(row.id(), row.title(), row.description()))
            .toList()))
        .toList();
    return new WhapiInteractiveRequest(to, "list", Text.of(content.header()), new Text(content.body()),
        Text.of(content.footer()), new Action(null, new ListAction(content.label(), sections)));
  }
}
