package pe.xofi.chat.conversation.ops;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import pe.xofi.chat.conversation.engine.Intent;
import pe.xofi.chat.conversation.engine.IntentDetector;
import pe.xofi.chat.conversation.message.InboundMessage;
import pe.xofi.chat.conversation.message.InboundMessage.Text;
import pe.xofi.chat.conversation.parser.InboundParser;
import pe.xofi.chat.conversation.replay.Replayer;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.events.ConversationEvent;
import pe.xofi.chat.schemas.events.ConversationEventType;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import pe.xofi.chat.conversation.ops.TranscriptLine.Direction;

/**
 * Projects the log into transcripts: each member message (an identification is withheld, never its
 * DNI or birth year), each bot reply, and each message's intent from its {@code MESSAGE_HANDLED}
 * event. A failure is thrown to the container: a member-data outage is retried, anything else (a
 * record that cannot be read or projected) is dead-lettered ({@link ProjectorErrorHandling}).
 */
public final class TranscriptProjector {

  /** What a transcript shows instead of an identification message. */
  static final String CREDENTIALS_WITHHELD = "[identificación: DNI y año de nacimiento omitidos]";

  private final InboundParser parser;
  private final IntentDetector intents;
  private final TranscriptStore store;

  public TranscriptProjector(InboundParser parser, IntentDetector intents, TranscriptStore store) {
    this.parser = parser;
    this.intents = intents;
    this.store = store;
  }

  /** Projects one record of {@code inbound-messages}, {@code outbound-messages} or {@code conversation-events}. */
  public void project(ConsumerRecord<String, byte[]> record) {
    if (record.topic().equals(Topics.INBOUND_MESSAGES.name())) {
      inbound(record.key(), Topics.INBOUND_MESSAGES.valueSerde().deserializer().deserialize(record.topic(), record.value()));
    } else if (record.topic().equals(Topics.OUTBOUND_MESSAGES.name())) {
      outbound(Topics.OUTBOUND_MESSAGES.valueSerde().deserializer().deserialize(record.topic(), record.value()));
    } else if (record.topic().equals(Topics.CONVERSATION_EVENTS.name())) {
      event(Topics.CONVERSATION_EVENTS.valueSerde().deserializer().deserialize(record.topic(), record.value()));
    }
  }

  private void inbound(String key, InboundEnvelope envelope) {
    if (envelope == null) {
      return;
    }
    InboundMessage message = parser.parse(key, envelope);
    String text =
        message instanceof Text t && intents.detect(t.body()) == Intent.AUTHENTICATE ? CREDENTIALS_WITHHELD : Replayer.said(message);
    store.write(
        key,
        envelope.channel() == null ? null : envelope.channel().name(),
        new TranscriptLine(Direction.IN, envelope.messageId(), null, text, null, envelope.receivedAt()));
  }

  private void outbound(OutboundMessage reply) {
    if (reply == null) {
      return;
    }
    store.write(
        reply.conversationKey(),
        reply.channel() == null ? null : reply.channel().name(),
        new TranscriptLine(Direction.OUT, reply.id(), reply.inReplyTo(), reply.content().fallbackText(), null, reply.createdAt()));
  }

  private void event(ConversationEvent event) {
    if (event != null && event.type() == ConversationEventType.MESSAGE_HANDLED && event.intent() != null) {
      store.intent(event.conversationKey(), event.sourceMessageId(), event.intent());
    }
  }

  /** The conversation key of a phone (or Telegram chat id) on channel prefix {@code channel}. */
  static ConversationKey key(String channel, String id) {
    return ConversationKey.parse(channel + ":" + id);
  }
}
