package pe.xofi.chat.conversation.replay;

import java.time.Instant;
import java.util.List;
import pe.xofi.chat.schemas.privacy.CredentialMask;

/**
 * One inbound message as the replay saw it: where it was in the log, what the member sent, how the
 * engine classified it, the conversation before and after, and each reply lined up against the one
 * actually produced (when compared).
 *
 * @param offset     offset of the record in its {@code inbound-messages} partition
 * @param messageId  the provider's message id
 * @param receivedAt the envelope's received-at, the engine's "now"
 * @param said       what the member sent, as an operator reads it ({@code "Hola"}, {@code [image/jpeg] Monto: 500}),
 *                   a DNI and the birth year beside it masked
 * @param intent     the intent label of the message, or {@code duplicate} for a dropped provider retry
 * @param before     the conversation before the message
 * @param after      the conversation after it
 * @param replies    the replies, in order
 */
public record ReplayedMessage(
    long offset,
    String messageId,
    Instant receivedAt,
    String said,
    String intent,
    StateSummary before,
    StateSummary after,
    List<ReplyLine> replies) {

  public ReplayedMessage {
    said = CredentialMask.mask(said);
    replies = List.copyOf(replies);
  }
}
