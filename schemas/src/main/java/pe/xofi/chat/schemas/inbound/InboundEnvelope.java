package pe.xofi.chat.schemas.inbound;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One message as the ingress received it: routing facts extracted from the webhook plus the
 * provider's raw JSON of that single message, so parsers can be fixed and old events replayed.
 *
 * @param messageId         the provider's message id (dedupe key)
 * @param channel           the channel it arrived on
 * @param provider          the provider API that delivered it
 * @param conversationKey   textual {@link ConversationKey}, also the record key
 * @param sender            who wrote it
 * @param receivedAt        when the ingress received the webhook; the engine's "now"
 * @param providerTimestamp the provider's own timestamp of the message, if any
 * @param raw               the provider's JSON of this one message, untouched
 */
public record InboundEnvelope(
    String messageId,
    Channel channel,
    Provider provider,
    String conversationKey,
    Sender sender,
    Instant receivedAt,
    Instant providerTimestamp,
    JsonNode raw) {}
