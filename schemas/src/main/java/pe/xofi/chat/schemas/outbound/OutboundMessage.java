package pe.xofi.chat.schemas.outbound;

import java.time.Instant;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.Provider;

/**
 * A reply to send to a member.
 *
 * @param id              deterministic id {@code <inbound message id>#<n>}, the send-dedupe key
 * @param channel         the channel to send on
 * @param provider        the provider API to send with
 * @param conversationKey textual conversation key, also the record key
 * @param recipient       the provider's address of the member (phone digits, Telegram chat id)
 * @param content         what to say
 * @param inReplyTo       the provider message id this answers
 * @param createdAt       the engine's "now" when it decided the reply (the inbound received-at)
 */
public record OutboundMessage(
    String id,
    Channel channel,
    Provider provider,
    String conversationKey,
    String recipient,
    OutboundContent content,
    String inReplyTo,
    Instant createdAt) {

  /** The deterministic id of the {@code n}-th reply (from 1) to {@code inboundMessageId}. */
  public static String replyId(String inboundMessageId, int n) {
    return inboundMessageId + "#" + n;
  }
}
