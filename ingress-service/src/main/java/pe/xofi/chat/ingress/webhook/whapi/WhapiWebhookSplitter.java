package pe.xofi.chat.ingress.webhook.whapi;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import pe.xofi.chat.ingress.webhook.FieldLimits;
import pe.xofi.chat.ingress.webhook.ProviderWebhook;
import pe.xofi.chat.ingress.webhook.SkipReason;
import pe.xofi.chat.ingress.webhook.WebhookRejection.NotAWebhook;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.InputLimits;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.inbound.Sender;
import pe.xofi.chat.schemas.status.ProviderStatus;
import tools.jackson.databind.JsonNode;

/**
 * Splits a WHAPI webhook into one inbound envelope per message from a member's personal chat and
 * one provider status per status callback, each keyed by the member's conversation key; the bot's
 * own echoes and group or non-personal chats are skipped, a message with an id or link over its cap
 * is refused, and texts, captions and names over their limit are cut ({@link FieldLimits}).
 */
public final class WhapiWebhookSplitter {

  private static final Pattern EVENT_WORD = Pattern.compile("[A-Za-z_]{1,32}");

  /** The message types whose content object is a WAPI-SPEC {@code MediaFile} (id, link, caption). */
  private static final List<String> MEDIA =
      List.of("image", "video", "gif", "audio", "voice", "short", "document", "sticker");

  /** The reply kinds whose choice carries the id the bot gave it and its title. */
  private static final List<String> CHOICES = List.of("buttons_reply", "list_reply");

  /** The meaning of {@code webhook}, received by the ingress at {@code receivedAt}. */
  public ProviderWebhook split(JsonNode webhook, Instant receivedAt) {
    if (!webhook.isObject()) {
      throw new NotAWebhook("a WHAPI webhook is a JSON object, got " + kind(webhook));
    }
    JsonNode messages = present(webhook.get("messages"));
    JsonNode statuses = present(webhook.get("statuses"));
    if (messages == null && statuses == null) {
      JsonNode event = webhook.get("event");
      if (event != null && event.isObject()) {
        return new ProviderWebhook.Unhandled(eventType(event));
      }
      throw new NotAWebhook("a WHAPI webhook has messages, statuses or an event");
    }
    List<ProviderWebhook.Skipped> skipped = new ArrayList<>();
    List<InboundEnvelope> envelopes = new ArrayList<>();
    FieldLimits limits = new FieldLimits();
    for (JsonNode message : array(messages, "messages")) {
      envelope(message, receivedAt, skipped, limits).ifPresent(envelopes::add);
    }
    List<ProviderStatus> providerStatuses = new ArrayList<>();
    for (JsonNode status : array(statuses, "statuses")) {
      providerStatus(status, receivedAt, skipped).ifPresent(providerStatuses::add);
    }
    return new ProviderWebhook.Batch(envelopes, providerStatuses, skipped, limits.cutFields());
  }

  private static Optional<InboundEnvelope> envelope(
      JsonNode message, Instant receivedAt, List<ProviderWebhook.Skipped> skipped, FieldLimits limits) {
    if (!message.isObject()) {
      throw new NotAWebhook("every item of messages is an object, got " + kind(message));
    }
    String id = requiredText(message, "id", "messages[]");
    String chatId = requiredText(message, "chat_id", "messages[" + FieldLimits.quoted(id) + "]");
    if (message.path("from_me").asBoolean(false)) {
      skipped.add(new ProviderWebhook.Skipped(FieldLimits.quoted(id), SkipReason.FROM_ME));
      return Optional.empty();
    }
    ChatKey chat = ChatKey.of(chatId);
    if (chat.skipReason() != null) {
      skipped.add(new ProviderWebhook.Skipped(FieldLimits.quoted(id), chat.skipReason()));
      return Optional.empty();
    }
    SkipReason refused = refusal(message);
    if (refused != null) {
      skipped.add(new ProviderWebhook.Skipped(FieldLimits.quoted(id), refused));
      return Optional.empty();
    }
    cutToLimits(message, limits);
    return Optional.of(
        new InboundEnvelope(
            id,
            Channel.WHATSAPP,
            Provider.WHAPI,
            chat.key().toString(),
            new Sender(optionalText(message, "from"), optionalText(message, "from_name")),
            receivedAt,
            epochSeconds(message.get("timestamp")),
            message));
  }

  /** Why a member's message is refused for an id or link over its cap, or null when it is not. */
  private static SkipReason refusal(JsonNode message) {
    if (FieldLimits.tooLong(message, "id", InputLimits.MESSAGE_ID)
        || FieldLimits.tooLong(message, "from", InputLimits.ID)) {
      return SkipReason.ID_TOO_LONG;
    }
    for (String media : MEDIA) {
      JsonNode file = message.get(media);
      if (FieldLimits.tooLong(file, "id", InputLimits.ID)) {
        return SkipReason.ID_TOO_LONG;
      }
      if (FieldLimits.tooLong(file, "link", InputLimits.LINK)) {
        return SkipReason.LINK_TOO_LONG;
      }
    }
    for (String choice : CHOICES) {
      if (FieldLimits.tooLong(message.path("reply").get(choice), "id", InputLimits.ID)) {
        return SkipReason.ID_TOO_LONG;
      }
    }
    return null;
  }

  /** Cuts the texts of a member's message that the conversation reads, in its raw JSON. */
  private static void cutToLimits(JsonNode message, FieldLimits limits) {
    limits.cut(message, "from_name", InputLimits.NAME, "from_name");
    limits.cut(message.get("text"), "body", InputLimits.TEXT, "text.body");
    for (String media : MEDIA) {
      JsonNode file = message.get(media);
      limits.cut(file, "caption", InputLimits.CAPTION, media + ".caption");
      limits.cut(file, "file_name", InputLimits.NAME, media + ".file_name");
    }
    for (String choice : CHOICES) {
      JsonNode tapped = message.path("reply").get(choice);
      limits.cut(tapped, "title", InputLimits.NAME, "reply." + choice + ".title");
      limits.cut(tapped, "description", InputLimits.NAME, "reply." + choice + ".description");
    }
  }

  private static Optional<ProviderStatus> providerStatus(
      JsonNode status, Instant receivedAt, List<ProviderWebhook.Skipped> skipped) {
    if (!status.isObject()) {
      throw new NotAWebhook("every item of statuses is an object, got " + kind(status));
    }
    String id = requiredText(status, "id", "statuses[]");
    String word = requiredText(status, "status", "statuses[" + FieldLimits.quoted(id) + "]");
    if (id.length() > InputLimits.MESSAGE_ID) {
      skipped.add(new ProviderWebhook.Skipped(FieldLimits.quoted(id), SkipReason.ID_TOO_LONG));
      return Optional.empty();
    }
    String recipient = optionalText(status, "recipient_id");
    ChatKey chat = recipient == null ? ChatKey.unkeyable() : ChatKey.of(recipient);
    if (chat.skipReason() != null) {
      skipped.add(new ProviderWebhook.Skipped(id, chat.skipReason()));
      return Optional.empty();
    }
    return Optional.of(
        new ProviderStatus(
            Provider.WHAPI,
            chat.key().toString(),
            id,
            word.toLowerCase(Locale.ROOT),
            receivedAt,
            epochSeconds(status.get("timestamp")),
            status));
  }

  /**
   * The conversation key of a WHAPI chat id, or why it has none: personal chats end in
   * {@code @s.whatsapp.net} (or the older {@code @c.us}), groups in {@code @g.us}; anything else
   * ({@code @broadcast}, {@code @newsletter}, {@code @lid}) is not a member's phone number.
   */
  private record ChatKey(ConversationKey key, SkipReason skipReason) {

    static ChatKey of(String chatId) {
      int at = chatId.indexOf('@');
      String domain = at < 0 ? "" : chatId.substring(at + 1);
      return switch (domain) {
        case "g.us" -> new ChatKey(null, SkipReason.GROUP_CHAT);
        case "", "s.whatsapp.net", "c.us" -> keyed(chatId);
        default -> new ChatKey(null, SkipReason.NOT_PERSONAL_CHAT);
      };
    }

    static ChatKey unkeyable() {
      return new ChatKey(null, SkipReason.UNKEYABLE);
    }

    private static ChatKey keyed(String chatId) {
      try {
        return new ChatKey(ConversationKey.whatsappChat(chatId), null);
      } catch (IllegalArgumentException e) {
        return unkeyable();
      }
    }
  }

  /**
   * WHAPI sends seconds since the epoch, as a number in messages and as a string in statuses; a
   * missing or unreadable timestamp is simply absent, since the ingress clock is what counts.
   */
  public static Instant epochSeconds(JsonNode timestamp) {
    try {
      if (timestamp == null) {
        return null;
      }
      if (timestamp.isIntegralNumber()) {
        return timestamp.canConvertToLong() ? Instant.ofEpochSecond(timestamp.longValue()) : null;
      }
      if (timestamp.isFloatingPointNumber()) {
        return Instant.ofEpochMilli(Math.round(timestamp.doubleValue() * 1000));
      }
      if (timestamp.isString()) {
        return Instant.ofEpochSecond(Long.parseLong(timestamp.stringValue().trim()));
      }
      return null;
    } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
      return null;
    }
  }

  private static JsonNode present(JsonNode node) {
    return node == null || node.isNull() ? null : node;
  }

  private static Iterable<JsonNode> array(JsonNode node, String field) {
    if (node == null) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new NotAWebhook(field + " is an array, got " + kind(node));
    }
    return node.values();
  }

  private static String requiredText(JsonNode item, String field, String where) {
    String value = optionalText(item, field);
    if (value == null || value.isBlank()) {
      throw new NotAWebhook(where + " has no " + field);
    }
    return value;
  }

  private static String optionalText(JsonNode item, String field) {
    JsonNode value = item.get(field);
    return value != null && value.isString() ? value.stringValue() : null;
  }

  private static String eventType(JsonNode event) {
    return word(event.get("type")) + "." + word(event.get("event"));
  }

  // event names reach a log line, so only plain words pass
  private static String word(JsonNode node) {
    return node != null && node.isString() && EVENT_WORD.matcher(node.stringValue()).matches()
        ? node.stringValue()
        : "?";
  }

  private static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
