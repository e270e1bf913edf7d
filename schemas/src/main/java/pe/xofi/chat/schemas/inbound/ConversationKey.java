package pe.xofi.chat.schemas.inbound;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies one conversation: the channel prefix and the member's id on it, e.g. {@code
 * wa:51987654321} (WhatsApp phone digits) or {@code tg:123456789} (Telegram chat id). It is the key
 * of every record, so one conversation stays on one partition.
 */
public record ConversationKey(Channel channel, String id) {

  private static final Pattern ID = Pattern.compile("-?[0-9]{1,32}");

  public ConversationKey {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a conversation id is 1 to 32 digits");
    }
  }

  /** The WhatsApp conversation of a phone number given as digits. */
  public static ConversationKey whatsapp(String digits) {
    return new ConversationKey(Channel.WHATSAPP, digits);
  }

  /** The WhatsApp conversation of a WHAPI/Meta chat id such as {@code 51987654321@s.whatsapp.net}. */
  public static ConversationKey whatsappChat(String chatId) {
    int at = chatId.indexOf('@');
    String phone = at < 0 ? chatId : chatId.substring(0, at);
    return whatsapp(phone.replaceAll("[^0-9]", ""));
  }

  /** Parses the textual form {@code <prefix>:<id>}. */
  public static ConversationKey parse(String key) {
    int colon = key == null ? -1 : key.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("a conversation key looks like wa:51987654321");
    }
    return new ConversationKey(Channel.ofPrefix(key.substring(0, colon)), key.substring(colon + 1));
  }

  /** The id with all but its last four characters masked, for log lines. */
  public String masked() {
    int keep = Math.min(4, id.length());
    return channel.prefix() + ":" + "*".repeat(id.length() - keep) + id.substring(id.length() - keep);
  }

  @Override
  public String toString() {
    return channel.prefix() + ":" + id;
  }
}
