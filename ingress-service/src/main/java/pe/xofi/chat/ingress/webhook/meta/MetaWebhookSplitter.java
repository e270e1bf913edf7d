package pe.xofi.chat.ingress.webhook.meta;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import pe.xofi.chat.ingress.webhook.FieldLimits;
import pe.xofi.chat.ingress.webhook.ProviderWebhook;
import pe.xofi.chat.ingress.webhook.SkipReason;
import pe.xofi.chat.ingress.webhook.WebhookRejection.NotAWebhook;
import pe.xofi.chat.ingress.webhook.whapi.WhapiWebhookSplitter;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.InputLimits;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.inbound.Sender;
import pe.xofi.chat.schemas.status.ProviderStatus;
import tools.jackson.databind.JsonNode;

/**
 * Splits a Meta WhatsApp Cloud API webhook into one envelope per message of every
 * {@code entry[].changes[].value.messages[]} (not just the first) and one provider status per
 * {@code statuses[]} item, each keyed by the member's phone ({@code from}, {@code recipient_id}); a
 * message with an id or link over its cap is refused, and texts, captions and names over their limit
 * are cut ({@link FieldLimits}).
 */
public final class MetaWebhookSplitter {

  /** The {@code object} of every WhatsApp Business webhook (PROVIDERS.md, Meta webhook payloads). */
  public static final String OBJECT = "whatsapp_business_account";

  private static final Pattern FIELD_WORD = Pattern.compile("[A-Za-z_]{1,40}");

  /** The message types whose content object is a media file (id, caption, url). */
  private static final List<String> MEDIA = List.of("image", "video", "audio", "document", "sticker");

  /** The interactive reply kinds whose choice carries the id the bot gave it and its title. */
  private static final List<String> CHOICES = List.of("button_reply", "list_reply");

  /** Whether {@code webhook} is shaped like a Meta WhatsApp Business webhook. */
  public static boolean isMeta(JsonNode webhook) {
    return webhook.isObject() && OBJECT.equals(text(webhook, "object"));
  }

  /** The meaning of {@code webhook}, received by the ingress at {@code receivedAt}. */
  public ProviderWebhook split(JsonNode webhook, Instant receivedAt) {
    if (!isMeta(webhook)) {
      throw new NotAWebhook("a Meta webhook is an object with \"object\": \"" + OBJECT + "\"");
    }
    List<InboundEnvelope> messages = new ArrayList<>();
    List<ProviderStatus> statuses = new ArrayList<>();
    List<ProviderWebhook.Skipped> skipped = new ArrayList<>();
    List<String> otherFields = new ArrayList<>();
    FieldLimits limits = new FieldLimits();
    for (JsonNode entry : array(webhook.get("entry"), "entry")) {
      for (JsonNode change : array(entry.get("changes"), "entry[].changes")) {
        JsonNode value = change.path("value");
        if (!value.has("messages") && !value.has("statuses")) {
          otherFields.add(word(change.get("field")));
          continue;
        }
        for (JsonNode message : array(value.get("messages"), "value.messages")) {
          envelope(message, value, receivedAt, skipped, messages, limits);
        }
        for (JsonNode status : array(value.get("statuses"), "value.statuses")) {
          status(status, receivedAt, skipped, statuses);
        }
      }
    }
    if (messages.isEmpty() && statuses.isEmpty() && skipped.isEmpty()) {
      // account, template or quality updates: acknowledged so Meta does not retry them for days
      return new ProviderWebhook.Unhandled(
          "meta." + (otherFields.isEmpty() ? "empty" : String.join(",", otherFields)));
    }
    return new ProviderWebhook.Batch(messages, statuses, skipped, limits.cutFields());
  }

  private static void envelope(
      JsonNode message,
      JsonNode value,
      Instant receivedAt,
      List<ProviderWebhook.Skipped> skipped,
      List<InboundEnvelope> messages,
      FieldLimits limits) {
    String id = required(message, "id", "value.messages[]");
    String from = required(message, "from", "value.messages[" + FieldLimits.quoted(id) + "]");
    ConversationKey key = keyOf(from);
    if (key == null) {
      skipped.add(new ProviderWebhook.Skipped(FieldLimits.quoted(id), SkipReason.UNKEYABLE));
      return;
    }
    SkipReason refused = refusal(message);
    if (refused != null) {
      skipped.add(new ProviderWebhook.Skipped(FieldLimits.quoted(id), refused));
      return;
    }
    cutToLimits(message, limits);
    // the contact's name is not in the message's raw JSON, only in the envelope's sender
    String name = limits.cut(contactName(value, from), InputLimits.NAME, "contacts.profile.name");
    messages.add(
        new InboundEnvelope(
            id,
            Channel.WHATSAPP,
            Provider.META,
            key.toString(),
            new Sender(from, name),
            receivedAt,
            WhapiWebhookSplitter.epochSeconds(message.get("timestamp")),
            message));
  }

  /** Why a member's message is refused for an id or link over its cap, or null when it is not. */
  private static SkipReason refusal(JsonNode message) {
    if (FieldLimits.tooLong(message, "id", InputLimits.MESSAGE_ID)) {
      return SkipReason.ID_TOO_LONG;
    }
    for (String media : MEDIA) {
      JsonNode file = message.get(media);
      if (FieldLimits.tooLong(file, "id", InputLimits.ID)) {
        return SkipReason.ID_TOO_LONG;
      }
      if (FieldLimits.tooLong(file, "url", InputLimits.LINK)) {
        return SkipReason.LINK_TOO_LONG;
      }
    }
    for (String choice : CHOICES) {
      if (FieldLimits.tooLong(message.path("interactive").get(choice), "id", InputLimits.ID)) {
        return SkipReason.ID_TOO_LONG;
      }
    }
    return null;
  }

  /** Cuts the texts of a member's message that the conversation reads, in its raw JSON. */
  private static void cutToLimits(JsonNode message, FieldLimits limits) {
    limits.cut(message.get("text"), "body", InputLimits.TEXT, "text.body");
    for (String media : MEDIA) {
      JsonNode file = message.get(media);
      limits.cut(file, "caption", InputLimits.CAPTION, media + ".caption");
      limits.cut(file, "filename", InputLimits.NAME, media + ".filename");
    }
    for (String choice : CHOICES) {
      JsonNode tapped = message.path("interactive").get(choice);
      limits.cut(tapped, "title", InputLimits.NAME, "interactive." + choice + ".title");
      limits.cut(tapped, "description", InputLimits.NAME, "interactive." + choice + ".description");
    }
  }

  private static void status(
      JsonNode status,
      Instant receivedAt,
      List<ProviderWebhook.Skipped> skipped,
      List<ProviderStatus> statuses) {
    String id = required(status, "id", "value.statuses[]");
    String word = required(status, "status", "value.statuses[" + FieldLimits.quoted(id) + "]");
    if (id.length() > InputLimits.MESSAGE_ID) {
      skipped.add(new ProviderWebhook.Skipped(FieldLimits.quoted(id), SkipReason.ID_TOO_LONG));
      return;
    }
    String recipient = text(status, "recipient_id");
    ConversationKey key = recipient == null ? null : keyOf(recipient);
    if (key == null) {
      skipped.add(new ProviderWebhook.Skipped(id, SkipReason.UNKEYABLE));
      return;
    }
    statuses.add(
        new ProviderStatus(
            Provider.META,
            key.toString(),
            id,
            word.toLowerCase(Locale.ROOT),
            receivedAt,
            WhapiWebhookSplitter.epochSeconds(status.get("timestamp")),
            status));
  }

  /** The profile name of the contact whose {@code wa_id} is {@code from}, else of the only contact. */
  private static String contactName(JsonNode value, String from) {
    JsonNode contacts = value.path("contacts");
    for (JsonNode contact : contacts) {
      if (from.equals(text(contact, "wa_id"))) {
        return text(contact.path("profile"), "name");
      }
    }
    return contacts.size() == 1 ? text(contacts.get(0).path("profile"), "name") : null;
  }

  private static ConversationKey keyOf(String phone) {
    try {
      return ConversationKey.whatsappChat(phone);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Iterable<JsonNode> array(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new NotAWebhook(field + " is an array, got " + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    for (JsonNode item : node) {
      if (!item.isObject()) {
        throw new NotAWebhook("every item of " + field + " is an object");
      }
    }
    return node.values();
  }

  private static String required(JsonNode item, String field, String where) {
    String value = text(item, field);
    if (value == null || value.isBlank()) {
      throw new NotAWebhook(where + " has no " + field);
    }
    return value;
  }

  private static String text(JsonNode item, String field) {
    JsonNode value = item.get(field);
    return value != null && value.isString() ? value.stringValue() : null;
  }

  // field names reach a log line, so only plain words pass
  private static String word(JsonNode node) {
    return node != null && node.isString() && FIELD_WORD.matcher(node.stringValue()).matches()
        ? node.stringValue()
        : "?";
  }
}
