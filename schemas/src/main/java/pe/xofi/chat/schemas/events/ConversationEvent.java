package pe.xofi.chat.schemas.events;

import java.time.Instant;
import java.util.Map;

/**
 * An audit fact of the conversation engine. Carries no personal data: no DNI, birth year or phone.
 *
 * @param id              deterministic id {@code <source message id>/<type>}
 * @param conversationKey textual conversation key, also the record key
 * @param type            what happened
 * @param sourceMessageId the inbound message that caused it
 * @param intent          the intent the engine recognised, lower case
 * @param at              the engine's "now" (the inbound received-at)
 * @param handlingMicros  wall-clock microseconds the engine spent on the message
 * @param attributes      extra facts such as a ticket number
 */
public record ConversationEvent(
    String id,
    String conversationKey,
    ConversationEventType type,
    String sourceMessageId,
    String intent,
    Instant at,
    long handlingMicros,
    Map<String, String> attributes) {

  public ConversationEvent {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }
}
