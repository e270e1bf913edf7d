package pe.xofi.chat.schemas.outbound;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.privacy.Sealed;

/**
 * A reply to send to a member.
 *
 * @param id              deterministic id {@code <inbound message id>#<n>}, the send-dedupe key
 * @param channel         the channel to send on
 * @param provider        the provider API to send with
 * @param conversationKey textual conversation key, also the record key
 * @param recipient       the provider's address of the member (phone digits, Telegram chat id)
 * @param content         what to say; null when sealed
 * @param inReplyTo       the provider message id this answers
 * @param createdAt       the engine's "now" when it decided the reply (the inbound received-at)
 * @param sealedContent   {@code content} encrypted with the conversation's data key; then {@code
 *                        content} is null. Null on records of older producers and unsealed tests
 */
public record OutboundMessage(
    String id,
    Channel channel,
    Provider provider,
    String conversationKey,
    String recipient,
    OutboundContent content,
    String inReplyTo,
    Instant createdAt,
    // absent rather than null on unsealed replies: their bytes stay those of older producers
    @JsonInclude(JsonInclude.Include.NON_NULL) Sealed sealedContent) {

  /** An unsealed reply: the content in clear (tests, older producers, replays of old logs). */
  public OutboundMessage(
      String id,
      Channel channel,
      Provider provider,
      String conversationKey,
      String recipient,
      OutboundContent content,
      String inReplyTo,
      Instant createdAt) {
    this(id, channel, provider, conversationKey, recipient, content, inReplyTo, createdAt, null);
  }

  /** The deterministic id of the {@code n}-th reply (from 1) to {@code inboundMessageId}. */
  public static String replyId(String inboundMessageId, int n) {
    return inboundMessageId + "#" + n;
  }
}
