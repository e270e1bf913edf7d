package pe.xofi.chat.outbound.dedupe;

import java.time.Instant;
import pe.xofi.chat.schemas.inbound.Provider;

/**
 * A reply recorded as sent.
 *
 * @param replyId           the reply's deterministic id
 * @param conversationKey   the member's conversation key
 * @param provider          the provider it was sent with
 * @param providerMessageId the provider's id of the sent message, if it gave one
 * @param sentAt            when the provider accepted it
 */
public record SentReply(
    String replyId, String conversationKey, Provider provider, String providerMessageId, Instant sentAt) {}
