package pe.xofi.chat.schemas.delivery;

import java.time.Instant;
import pe.xofi.chat.schemas.inbound.Provider;

/**
 * What happened to one reply.
 *
 * @param outboundId        the reply's id ({@code <inbound id>#<n>}); null for a status of an unknown send
 * @param conversationKey   textual conversation key, also the record key
 * @param provider          the provider used
 * @param providerMessageId the provider's id of the sent message, once known
 * @param status            the outcome
 * @param error             the error text for failures, else null
 * @param statusCode        the provider's HTTP status code, when there was an answer
 * @param attempts          send attempts so far
 * @param firstAttemptAt    when the first attempt started
 * @param lastAttemptAt     when the latest attempt started
 * @param at                when this event was recorded
 */
public record DeliveryEvent(
    String outboundId,
    String conversationKey,
    Provider provider,
    String providerMessageId,
    DeliveryStatus status,
    String error,
    Integer statusCode,
    int attempts,
    Instant firstAttemptAt,
    Instant lastAttemptAt,
    Instant at) {}
