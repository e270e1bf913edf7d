package pe.xofi.chat.ingress.webhook.telegram;

import java.time.Instant;
import java.util.List;
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
import pe.xofi.chat.schemas.inbound.TelegramMessageId;
import tools.jackson.databind.JsonNode;

/**
 * Turns one Telegram update into at most one envelope keyed {@code tg:<chat id>}: a private chat's
 * {@code message} or {@code callback_query}; the envelope's id is built from {@code update_id}
 * ({@link TelegramMessageId}) so a redelivered update is dropped like any repeated message, and its
 * raw JSON is the whole update. Group chats are skipped; other update kinds are acknowledged. An
 * update whose message id, file id or callback data is over its cap is refused, and texts, captions
 * and names over their limit are cut ({@link FieldLimits}).
 */
public final class TelegramUpdateSplitter {

  private static final Pattern KIND_WORD = Pattern.compile("[a-z_]{1,40}");

  /** The meaning of {@code update}, received by the ingress at {@code receivedAt}. */
  public ProviderWebhook split(JsonNode update, Instant receivedAt) {
    if (!update.isObject() || !update.path("update_id").canConvertToLong()) {
      throw new NotAWebhook("a Telegram update is an object with a numeric update_id");
    }
    long updateId = update.get("update_id").asLong();
    JsonNode message = update.get("message");
    JsonNode callback = update.get("callback_query");
    if (message != null && message.isObject()) {
      return envelope(TelegramMessageId.ofUpdate(updateId), message.path("chat"), message.path("from"),
          message.path("date"), update, receivedAt);
    }
    if (callback != null && callback.isObject()) {
      String callbackId = text(callback, "id");
      if (callbackId == null) {
        throw new NotAWebhook("callback_query has no id");
      }
      // a tap on a message the bot sent in a private chat, whose chat is the member's
      JsonNode chat = callback.path("message").path("chat");
      return envelope(TelegramMessageId.ofCallback(updateId, callbackId), chat, callback.path("from"),
          callback.path("message").path("date"), update, receivedAt);
    }
    return new ProviderWebhook.Unhandled("telegram." + kind(update));
  }

  private static ProviderWebhook envelope(
      String id, JsonNode chat, JsonNode from, JsonNode date, JsonNode update, Instant receivedAt) {
    if (!chat.path("id").canConvertToLong()) {
      return skipped(id, SkipReason.UNKEYABLE);
    }
    if (!"private".equals(text(chat, "type"))) {
      return skipped(id, SkipReason.GROUP_CHAT);
    }
    if (id.length() > InputLimits.MESSAGE_ID || hasIdTooLong(update)) {
      return skipped(id, SkipReason.ID_TOO_LONG);
    }
    FieldLimits limits = new FieldLimits();
    cutToLimits(update, limits);
    ConversationKey key = new ConversationKey(Channel.TELEGRAM, Long.toString(chat.get("id").asLong()));
    Sender sender = new Sender(from.path("id").canConvertToLong() ? Long.toString(from.get("id").asLong()) : null,
        name(from));
    Instant sentAt = date.canConvertToLong() ? Instant.ofEpochSecond(date.asLong()) : null;
    return new ProviderWebhook.Batch(
        List.of(new InboundEnvelope(id, Channel.TELEGRAM, Provider.TELEGRAM, key.toString(), sender,
            receivedAt, sentAt, update)),
        List.of(),
        List.of(),
        limits.cutFields());
  }

  /** Whether a file id of the message or the data of the tapped button is over its cap. */
  private static boolean hasIdTooLong(JsonNode update) {
    JsonNode message = update.path("message");
    for (JsonNode size : message.path("photo")) {
      if (FieldLimits.tooLong(size, "file_id", InputLimits.ID)) {
        return true;
      }
    }
    return FieldLimits.tooLong(message.get("document"), "file_id", InputLimits.ID)
        || FieldLimits.tooLong(update.get("callback_query"), "data", InputLimits.ID);
  }

  /** Cuts the texts of the update that the conversation reads or shows, in its raw JSON. */
  private static void cutToLimits(JsonNode update, FieldLimits limits) {
    JsonNode message = update.get("message");
    limits.cut(message, "text", InputLimits.TEXT, "message.text");
    limits.cut(message, "caption", InputLimits.CAPTION, "message.caption");
    limits.cut(update.path("message").get("document"), "file_name", InputLimits.NAME, "message.document.file_name");
    // the message a button was tapped on is the bot's own, but the update carries it back whole
    limits.cut(update.path("callback_query").get("message"), "text", InputLimits.TEXT, "callback_query.message.text");
    for (JsonNode from : List.of(update.path("message").path("from"), update.path("callback_query").path("from"))) {
      for (String field : List.of("first_name", "last_name", "username")) {
        limits.cut(from, field, InputLimits.NAME, "from." + field);
      }
    }
  }

  private static ProviderWebhook skipped(String id, SkipReason reason) {
    return new ProviderWebhook.Batch(
        List.of(), List.of(), List.of(new ProviderWebhook.Skipped(FieldLimits.quoted(id), reason)));
  }

  /** {@code first_name last_name} as Telegram shows the user, else the username. */
  private static String name(JsonNode from) {
    String first = text(from, "first_name");
    String last = text(from, "last_name");
    String full = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
    return full.isEmpty() ? text(from, "username") : full;
  }

  private static String kind(JsonNode update) {
    for (String field : update.propertyNames()) {
      if (!"update_id".equals(field)) {
        return KIND_WORD.matcher(field).matches() ? field : "?";
      }
    }
    return "empty";
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.stringValue() : null;
  }
}
