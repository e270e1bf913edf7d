package pe.xofi.chat.schemas.status;

import java.time.Instant;
import pe.xofi.chat.schemas.inbound.Provider;
import tools.jackson.databind.JsonNode;

/**
 * One provider status callback (sent, delivered, read, failed, ...) of a message the bot sent.
 *
 * @param provider          the provider that reported it
 * @param conversationKey   textual conversation key of the recipient, also the record key
 * @param providerMessageId the provider's id of the sent message
 * @param status            the provider's status word, lower case
 * @param receivedAt        when the ingress received the callback
 * @param providerTimestamp the provider's timestamp of the status, if any
 * @param raw               the provider's JSON of this one status
 */
public record ProviderStatus(
    Provider provider,
    String conversationKey,
    String providerMessageId,
    String status,
    Instant receivedAt,
    Instant providerTimestamp,
    JsonNode raw) {}
