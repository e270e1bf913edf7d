package pe.xofi.chat.conversation.message;

import java.util.Objects;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.Provider;

/**
 * Where a member's message came from: every reply goes back on the same channel and provider, to
 * the conversation it came from, and is numbered after the provider's message id.
 *
 * @param messageId      the provider's message id, the dedupe key and the base of reply ids
 * @param key            the conversation the message belongs to (the record key)
 * @param channel        the channel it arrived on
 * @param provider       the provider API that delivered it and that will send the replies
 * @param senderUsername the sender's public user name on the provider (Telegram's {@code
 *     from.username}), else null; shown to operators, never logged
 */
public record MessageOrigin(
    String messageId, ConversationKey key, Channel channel, Provider provider, String senderUsername) {

  public MessageOrigin {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(provider, "provider");
  }

  /** An origin whose provider names no user name (WhatsApp identifies members by phone only). */
  public MessageOrigin(String messageId, ConversationKey key, Channel channel, Provider provider) {
    this(messageId, key, channel, provider, null);
  }

  /** This origin with the sender's user name, as a parser read it from the raw message. */
  public MessageOrigin withSenderUsername(String username) {
    return new MessageOrigin(messageId, key, channel, provider, username);
  }

  /** Without the user name, which is personal data: origins may end up in exception messages. */
  @Override
  public String toString() {
    return "MessageOrigin[messageId=%s, key=%s, channel=%s, provider=%s]"
        .formatted(messageId, key.masked(), channel, provider);
  }
}
