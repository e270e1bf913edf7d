package pe.xofi.chat.conversation.message;

import java.util.Objects;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.Provider;

/**
 * Where a member's message came from: every reply goes back on the same channel and provider, to
 * the conversation it came from, and is numbered after the provider's message id.
 *
 * @param messageId the provider's message id, the dedupe key and the base of reply ids
 * @param key       the conversation the message belongs to (the record key)
 * @param channel   the channel it arrived on
 * @param provider  the provider API that delivered it and that will send the replies
 */
public record MessageOrigin(String messageId, ConversationKey key, Channel channel, Provider provider) {

  public MessageOrigin {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(provider, "provider");
  }
}
