package pe.xofi.chat.schemas.inbound;

import java.util.Optional;

/**
 * The message id of a Telegram update: {@code tg-update-<update_id>}, so the conversation's
 * recent-ids dedupe drops a redelivered update; a button tap appends {@code .cb.<callback query id>}
 * so the reply's sender can answer the query (answerCallbackQuery) without another lookup.
 */
public final class TelegramMessageId {

  private static final String PREFIX = "tg-update-";
  private static final String CALLBACK = ".cb.";

  private TelegramMessageId() {}

  /** The id of an update that carries a message. */
  public static String ofUpdate(long updateId) {
    return PREFIX + updateId;
  }

  /** The id of an update that carries a callback query (an inline-keyboard tap). */
  public static String ofCallback(long updateId, String callbackQueryId) {
    return PREFIX + updateId + CALLBACK + callbackQueryId;
  }

  /** The callback query id inside {@code messageId} (also a reply's {@code inReplyTo}), if any. */
  public static Optional<String> callbackQueryId(String messageId) {
    if (messageId == null || !messageId.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int at = messageId.indexOf(CALLBACK);
    return at < 0 ? Optional.empty() : Optional.of(messageId.substring(at + CALLBACK.length()));
  }
}
