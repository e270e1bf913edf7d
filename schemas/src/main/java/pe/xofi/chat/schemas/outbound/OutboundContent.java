package pe.xofi.chat.schemas.outbound;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * What a reply says. Providers that cannot show {@link Buttons} or {@link ListMenu} send {@link
 * #fallbackText()} instead.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = OutboundContent.Text.class, name = "text"),
  @JsonSubTypes.Type(value = OutboundContent.Buttons.class, name = "buttons"),
  @JsonSubTypes.Type(value = OutboundContent.ListMenu.class, name = "list"),
  @JsonSubTypes.Type(value = OutboundContent.Template.class, name = "template")
})
public sealed interface OutboundContent {

  /** The content as plain text, for channels or configurations without interactive messages. */
  String fallbackText();

  /** A plain text message; WhatsApp's {@code *bold*} is allowed. */
  record Text(String body) implements OutboundContent {
    @Override
    public String fallbackText() {
      return body;
    }
  }

  /** Up to three quick-reply buttons under a body text. */
  record Buttons(String header, String body, String footer, List<Choice> buttons)
      implements OutboundContent {
    public Buttons {
      buttons = List.copyOf(buttons);
    }

    @Override
    public String fallbackText() {
      return body;
    }
  }

  /** A list of choices in sections, opened with a button labelled {@code label}. */
  record ListMenu(String header, String body, String footer, String label, List<Section> sections)
      implements OutboundContent {
    public ListMenu {
      sections = List.copyOf(sections);
    }

    @Override
    public String fallbackText() {
      return body;
    }
  }

  /** An approved provider template (needed outside WhatsApp's 24-hour window). */
  record Template(String name, String language, List<String> parameters, String preview)
      implements OutboundContent {
    public Template {
      parameters = List.copyOf(parameters);
    }

    @Override
    public String fallbackText() {
      return preview;
    }
  }

  /** A button or list row: the id comes back in the member's reply, the title is shown. */
  record Choice(String id, String title, String description) {}

  /** A titled group of list rows. */
  record Section(String title, List<Choice> rows) {
    public Section {
      rows = List.copyOf(rows);
    }
  }
}
