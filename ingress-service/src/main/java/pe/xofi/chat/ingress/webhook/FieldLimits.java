package pe.xofi.chat.ingress.webhook;

import java.util.ArrayList;
import java.util.List;
import pe.xofi.chat.schemas.inbound.InputLimits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Holds the fields of one webhook's messages to their limits before anything is published
 * ({@link InputLimits}; docs/INPUT-LIMITS.md has each limit's source): a text, caption, name or title longer than its
 * limit is cut in the message's raw JSON itself, and an id or link longer than its cap makes the
 * message refused, since a cut id or link names nothing. The splitters use one per webhook and hand
 * what was cut to the {@link ProviderWebhook.Batch}, which counts it.
 */
public final class FieldLimits {

  /** Longest message id written back in an answer or a log line. */
  private static final int QUOTED_ID = 32;

  private final List<String> cutFields = new ArrayList<>();

  /**
   * Cuts the string at {@code field} of {@code parent} to {@code max} characters, never between the
   * halves of a surrogate pair, and remembers {@code name} when it did.
   */
  public void cut(JsonNode parent, String field, int max, String name) {
    JsonNode value = parent == null ? null : parent.get(field);
    if (parent instanceof ObjectNode object && value != null && value.isString()
        && value.stringValue().length() > max) {
      object.put(field, cut(value.stringValue(), max));
      cutFields.add(name);
    }
  }

  /** {@code value} cut to {@code max} characters, remembering {@code name} when it was. */
  public String cut(String value, int max, String name) {
    if (value == null || value.length() <= max) {
      return value;
    }
    cutFields.add(name);
    return cut(value, max);
  }

  /** {@code text} cut to {@code max} characters, never between the halves of a surrogate pair. */
  public static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
  }

  /** Whether the string at {@code field} of {@code parent} is longer than {@code max} characters. */
  public static boolean tooLong(JsonNode parent, String field, int max) {
    JsonNode value = parent == null ? null : parent.get(field);
    return value != null && value.isString() && value.stringValue().length() > max;
  }

  /** A message id as it may be quoted back: its first characters, marked when longer. */
  public static String quoted(String id) {
    return id == null || id.length() <= QUOTED_ID ? id : id.substring(0, QUOTED_ID) + "…";
  }

  /** The names of the fields cut so far, one entry per cut, e.g. {@code text.body}. */
  public List<String> cutFields() {
    return List.copyOf(cutFields);
  }
}
