package pe.xofi.chat.schemas.inbound;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import pe.xofi.chat.schemas.privacy.Sealed;
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
 * @param raw               the provider's JSON of this one message, untouched; null when sealed
 * @param sealed            {@code raw} and the sender's name encrypted with the conversation's data
 *                          key (payload {@code {"raw":…,"senderName":…}}); then {@code raw} and the
 *                          sender's name are null. Null on records of older producers and unsealed tests
 */
public record InboundEnvelope(
    String messageId,
    Channel channel,
    Provider provider,
    String conversationKey,
    Sender sender,
    Instant receivedAt,
    Instant providerTimestamp,
    JsonNode raw,
    // absent rather than null on unsealed records: their bytes stay those of older producers
    @JsonInclude(JsonInclude.Include.NON_NULL) Sealed sealed) {

  public InboundEnvelope {
    // JSON null reads back as a NullNode: a sealed envelope has no raw at all
    if (raw != null && raw.isNull()) {
      raw = null;
    }
  }

  /** An unsealed envelope: the provider's JSON in clear (tests, older producers, replays of old logs). */
  public InboundEnvelope(
      String messageId,
      Channel channel,
      Provider provider,
      String conversationKey,
      Sender sender,
      Instant receivedAt,
      Instant providerTimestamp,
      JsonNode raw) {
    this(messageId, channel, provider, conversationKey, sender, receivedAt, providerTimestamp, raw, null);
  }
}
