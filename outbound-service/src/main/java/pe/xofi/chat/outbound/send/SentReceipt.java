package pe.xofi.chat.outbound.send;

/**
 * The provider accepted a message.
 *
 * @param providerMessageId the provider's id of the sent message; null if its answer carried none
 * @param statusCode        the provider's HTTP status
 */
public record SentReceipt(String providerMessageId, int statusCode) {}
