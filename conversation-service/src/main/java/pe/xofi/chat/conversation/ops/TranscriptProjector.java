package pe.xofi.chat.conversation.ops;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import pe.xofi.chat.conversation.engine.Intent;
import pe.xofi.chat.conversation.engine.IntentDetector;
import pe.xofi.chat.conversation.member.MemberDataUnavailableException;
import pe.xofi.chat.conversation.message.InboundMessage;
import pe.xofi.chat.conversation.message.InboundMessage.Text;
import pe.xofi.chat.conversation.ops.TranscriptLine.Direction;
import pe.xofi.chat.conversation.parser.InboundParser;
import pe.xofi.chat.conversation.replay.Replayer;
import pe.xofi.chat.membercrypto.EnvelopeSealer;
import pe.xofi.chat.membercrypto.MemberKeysUnavailableException;
import pe.xofi.chat.membercrypto.Unsealed;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.events.ConversationEvent;
import pe.xofi.chat.schemas.events.ConversationEventType;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import pe.xofi.chat.schemas.privacy.CredentialMask;

/**
 * Projects the log for operators, one poll at a time: into transcripts each member message (an
 * identification is withheld, and a DNI with its birth year anywhere else is masked), each bot reply
 * (masked alike), and each message's
 * intent from its {@code MESSAGE_HANDLED} event; into {@code agent_conversation} the snapshot of that
 * event, the latest per conversation. One statement per table and poll. A failure names its record to the
 * container ({@link BatchListenerFailedException}), after the records before it are written: a
 * member-data outage is retried from that record, any other failure (a record that cannot be read,
 * or a row the database refuses) dead-letters that record alone, and the rest of the poll follows
 * ({@link ProjectorErrorHandling}). Sealed records are opened in memory first; a forgotten member's
 * records project nothing.
 */
public final class TranscriptProjector {

  /** What a transcript shows instead of an identification message. */
  static final String CREDENTIALS_WITHHELD = "[identificación: DNI y año de nacimiento omitidos]";

  private final InboundParser parser;
  private final IntentDetector intents;
  private final ProjectionWriter writer;
  private final EnvelopeSealer sealer;

  TranscriptProjector(InboundParser parser, IntentDetector intents, ProjectionWriter writer, EnvelopeSealer sealer) {
    this.parser = parser;
    this.intents = intents;
    this.writer = writer;
    this.sealer = sealer;
  }

  TranscriptProjector(InboundParser parser, IntentDetector intents, ProjectionWriter writer) {
    this(parser, intents, writer, EnvelopeSealer.clear());
  }

  /** Projects one poll of {@code inbound-messages}, {@code outbound-messages} and {@code conversation-events}. */
  public void project(List<ConsumerRecord<String, byte[]>> records) {
    ProjectionBatch batch = new ProjectionBatch();
    for (int i = 0; i < records.size(); i++) {
      ConsumerRecord<String, byte[]> record = records.get(i);
      try {
        add(batch, record);
      } catch (RuntimeException unreadable) {
        write(batch, records.subList(0, i));
        throw failed(record, unreadable);
      }
    }
    write(batch, records);
  }

  /**
   * Writes {@code batch}, the projection of {@code records}. An outage is retried from the first of
   * them; a refusal is looked for record by record, so that only the refused one is dead-lettered.
   */
  private void write(ProjectionBatch batch, List<ConsumerRecord<String, byte[]>> records) {
    if (records.isEmpty()) {
      return;
    }
    try {
      writer.write(batch);
    } catch (MemberDataUnavailableException outage) {
      throw failed(records.getFirst(), outage);
    } catch (RuntimeException refused) {
      writeOneByOne(records);
    }
  }

  private void writeOneByOne(List<ConsumerRecord<String, byte[]>> records) {
    for (ConsumerRecord<String, byte[]> record : records) {
      try {
        ProjectionBatch single = new ProjectionBatch();
        add(single, record);
        writer.write(single);
      } catch (RuntimeException e) {
        throw failed(record, e);
      }
    }
  }

  private static BatchListenerFailedException failed(ConsumerRecord<String, byte[]> record, RuntimeException cause) {
    return new BatchListenerFailedException(
        "transcript projector failed at " + record.topic() + "-" + record.partition() + "@" + record.offset(), cause, record);
  }

  /** Reads {@code record} and adds its projection to {@code batch}; nothing is added when it cannot be read. */
  private void add(ProjectionBatch batch, ConsumerRecord<String, byte[]> record) {
    if (record.topic().equals(Topics.INBOUND_MESSAGES.name())) {
      inbound(batch, record.key(), Topics.INBOUND_MESSAGES.valueSerde().deserializer().deserialize(record.topic(), record.value()));
    } else if (record.topic().equals(Topics.OUTBOUND_MESSAGES.name())) {
      outbound(batch, Topics.OUTBOUND_MESSAGES.valueSerde().deserializer().deserialize(record.topic(), record.value()));
    } else if (record.topic().equals(Topics.CONVERSATION_EVENTS.name())) {
      event(batch, Topics.CONVERSATION_EVENTS.valueSerde().deserializer().deserialize(record.topic(), record.value()));
    }
  }

  private void inbound(ProjectionBatch batch, String key, InboundEnvelope sealed) {
    InboundEnvelope envelope = sealed == null ? null : readable(opened(() -> sealer.open(sealed)));
    if (envelope == null) {
      return;
    }
    InboundMessage message = parser.parse(key, envelope);
    String text =
        message instanceof Text t && intents.detect(t.body()) == Intent.AUTHENTICATE
            ? CREDENTIALS_WITHHELD
            : CredentialMask.mask(Replayer.said(message));
    batch.line(
        key,
        envelope.channel() == null ? null : envelope.channel().name(),
        new TranscriptLine(Direction.IN, message.origin().messageId(), null, text, null, envelope.receivedAt()));
  }

  private void outbound(ProjectionBatch batch, OutboundMessage sealed) {
    OutboundMessage reply = sealed == null ? null : readable(opened(() -> sealer.open(sealed)));
    if (reply == null) {
      return;
    }
    batch.line(
        reply.conversationKey(),
        reply.channel() == null ? null : reply.channel().name(),
        new TranscriptLine(
            Direction.OUT, reply.id(), reply.inReplyTo(), CredentialMask.mask(reply.content().fallbackText()), null, reply.createdAt()));
  }

  private static void event(ProjectionBatch batch, ConversationEvent event) {
    if (event == null || event.type() != ConversationEventType.MESSAGE_HANDLED) {
      return;
    }
    AgentConversation conversation = event.snapshot() == null ? null : AgentConversation.of(event);
    if (event.intent() != null) {
      batch.intent(event.conversationKey(), event.sourceMessageId(), event.intent());
    }
    if (conversation != null) {
      batch.conversation(conversation);
    }
  }

  /** The opened record, or null for a forgotten member; a record this service cannot open is an error. */
  private static <T> T readable(Unsealed<T> unsealed) {
    return switch (unsealed) {
      case Unsealed.Readable<T> readable -> readable.value();
      case Unsealed.Forgotten<T> forgotten -> null;
      case Unsealed.Locked<T> locked -> throw new IllegalStateException("a sealed record and no XOFI_DATA_KEYSET to open it");
    };
  }

  // a data-key outage is a member-data outage: retried from this record, never dead-lettered
  private static <T> Unsealed<T> opened(java.util.function.Supplier<Unsealed<T>> open) {
    try {
      return open.get();
    } catch (MemberKeysUnavailableException e) {
      throw new MemberDataUnavailableException("member data keys unavailable", e);
    }
  }

  /** The conversation key of a phone (or Telegram chat id) on channel prefix {@code channel}. */
  static ConversationKey key(String channel, String id) {
    return ConversationKey.parse(channel + ":" + id);
  }
}
