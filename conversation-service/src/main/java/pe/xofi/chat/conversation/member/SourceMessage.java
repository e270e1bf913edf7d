package pe.xofi.chat.conversation.member;

import java.util.Objects;
import pe.xofi.chat.schemas.inbound.ConversationKey;

/**
 * The member's message a ticket or receipt is idempotent on: a provider message id identifies a
 * message only within its conversation, since providers (and forged webhooks) may repeat an id that
 * another conversation already used.
 *
 * @param conversation the conversation the message came in on
 * @param messageId    the provider's message id
 */
public record SourceMessage(ConversationKey conversation, String messageId) {

  public SourceMessage {
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(messageId, "messageId");
  }
}
