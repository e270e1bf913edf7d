package pe.xofi.chat.schemas.events;

import java.time.Instant;
import java.util.Map;

/**
 * An audit fact of the conversation engine. Carries no DNI, birth year or phone beyond the
 * conversation key; a {@code MESSAGE_HANDLED} fact also carries the operators' view of the
 * conversation after the message ({@link ConversationSnapshot}), which the transcript projector
 * writes to {@code agent_conversation}.
 *
 * @param id              deterministic id {@code <source message id>/<type>}
 * @param conversationKey textual conversation key, also the record key
 * @param type            what happened
 * @param sourceMessageId the inbound message that caused it
 * @param intent          the intent the engine recognised, lower case
 * @param at              the engine's "now" (the inbound received-at)
 * @param handlingMicros  wall-clock microseconds the engine spent on the message
 * @param attributes      extra facts such as a ticket number
 * @param snapshot        on {@code MESSAGE_HANDLED} of a message that was not ignored: the conversation
 *     after it, as operators see it; else null (and null from producers older than the field)
 */
public record ConversationEvent(
    String id,
    String conversationKey,
    ConversationEventType type,
    String sourceMessageId,
    String intent,
    Instant at,
    long handlingMicros,
    Map<String, String> attributes,
    ConversationSnapshot snapshot) {

  public ConversationEvent {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** A fact without snapshot: every type but {@code MESSAGE_HANDLED}, or an ignored message. */
  public ConversationEvent(
      String id,
      String conversationKey,
      ConversationEventType type,
      String sourceMessageId,
      String intent,
      Instant at,
      long handlingMicros,
      Map<String, String> attributes) {
    this(id, conversationKey, type, sourceMessageId, intent, at, handlingMicros, attributes, null);
  }

  /** This fact with {@code snapshot} as the operators' view after its message. */
  public ConversationEvent withSnapshot(ConversationSnapshot snapshot) {
    return new ConversationEvent(id, conversationKey, type, sourceMessageId, intent, at, handlingMicros, attributes, snapshot);
  }

  /** This fact with {@code micros} as its handling time. */
  public ConversationEvent withHandlingMicros(long micros) {
    return new ConversationEvent(id, conversationKey, type, sourceMessageId, intent, at, micros, attributes, snapshot);
  }
}
