package pe.xofi.chat.conversation.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import pe.xofi.chat.conversation.WhapiExamples;
import pe.xofi.chat.conversation.engine.IntentDetector;
import pe.xofi.chat.conversation.member.MemberDataUnavailableException;
import pe.xofi.chat.conversation.ops.ProjectionBatch.TranscriptRow;
import pe.xofi.chat.conversation.ops.TranscriptLine.Direction;
import pe.xofi.chat.conversation.parser.InboundParser;
import pe.xofi.chat.conversation.parser.whapi.WhapiMessageParser;
import pe.xofi.chat.schemas.Topic;
import pe.xofi.chat.membercrypto.DataKeys;
import pe.xofi.chat.membercrypto.EnvelopeSealer;
import pe.xofi.chat.membercrypto.MasterKeys;
import pe.xofi.chat.membercrypto.MemberKeyStore;
import pe.xofi.chat.membercrypto.RecordSealer;
import pe.xofi.chat.membercrypto.StoredDataKey;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.events.ConversationEvent;
import pe.xofi.chat.schemas.events.ConversationEventType;
import pe.xofi.chat.schemas.events.ConversationSnapshot;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/** One poll through the projector, over a writer that records what it is given. */
class TranscriptProjectorTest {

  private static final String PHONE = "51987654321";
  private static final String KEY = "wa:" + PHONE;
  private static final Instant AT = Instant.parse("2026-11-24T15:30:00Z");

  private final List<List<TranscriptRow>> written = new ArrayList<>();
  private final List<List<AgentConversation>> conversations = new ArrayList<>();
  private final Set<String> refusedMessageIds = new HashSet<>();
  private boolean outage;

  private final ProjectionWriter writer =
          batch -> {
            if (outage) {
              throw new MemberDataUnavailableException("member database unavailable: write transcript lines", null);
            }
            if (batch.rows().stream().anyMatch(row -> refusedMessageIds.contains(row.line().messageId()))) {
              throw new IllegalStateException("value refused");
            }
            written.add(batch.rows());
            conversations.add(batch.conversations());
          };

  private final TranscriptProjector projector =
      new TranscriptProjector(new InboundParser(List.of(new WhapiMessageParser())), new IntentDetector(), writer);

  private final String keyset = MasterKeys.generateJson();
  private final Map<String, StoredDataKey> dataKeys = new java.util.concurrent.ConcurrentHashMap<>();

  /** Another instance's sealer (the ingress, the engine): the same key set and keys, its own cache. */
  private EnvelopeSealer instance() {
    MemberKeyStore store = new MemberKeyStore() {
      @Override
      public java.util.Optional<StoredDataKey> find(String conversationKey) {
        return java.util.Optional.ofNullable(dataKeys.get(conversationKey));
      }

      @Override
      public StoredDataKey createIfAbsent(String conversationKey, StoredDataKey candidate) {
        return dataKeys.computeIfAbsent(conversationKey, k -> candidate);
      }

      @Override
      public int delete(String conversationKey) {
        return dataKeys.remove(conversationKey) == null ? 0 : 1;
      }
    };
    return new EnvelopeSealer(new RecordSealer(new DataKeys(MasterKeys.fromJson(keyset), store)));
  }

  private TranscriptProjector sealedProjector() {
    return new TranscriptProjector(new InboundParser(List.of(new WhapiMessageParser())), new IntentDetector(), writer, instance());
  }

  private long offset;

  @Test
  void shouldWriteAPollAsOneBatchWithOneRowPerMessageAndDirection() {
    // given: the intent before its line, a provider retry of the same message, its reply twice
    List<ConsumerRecord<String, byte[]>> poll =
        List.of(
            event("wamid.1", "greeting", AT),
            inbound("wamid.1", "Hola", AT),
            inbound("wamid.1", "Hola", AT.plusSeconds(2)),
            reply("wamid.1", 1, "Bienvenido"),
            reply("wamid.1", 1, "Bienvenido"),
            inbound("wamid.2", "DNI 12345678 año 1990", AT.plusSeconds(5)));

    // when
    projector.project(poll);

    // then
    assertThat(written)
        .isEqualTo(
            List.of(
                List.of(
                    new TranscriptRow(KEY, "WHATSAPP", new TranscriptLine(Direction.IN, "wamid.1", null, "Hola", "greeting", AT.plusSeconds(2))),
                    new TranscriptRow(KEY, "WHATSAPP", new TranscriptLine(Direction.OUT, "wamid.1#1", "wamid.1", "Bienvenido", null, AT)),
                    new TranscriptRow(
                        KEY, "WHATSAPP",
                        new TranscriptLine(Direction.IN, "wamid.2", null, TranscriptProjector.CREDENTIALS_WITHHELD, null, AT.plusSeconds(5))))));
  }

  @Test
  void shouldMaskADniAndBirthYearTypedAnywhereElseAndEchoedByTheBot() {
    // given: credentials typed as a ticket subject, and the bot's echo of that subject
    List<ConsumerRecord<String, byte[]>> poll =
        List.of(
            inbound("wamid.5", "Mi asunto: DNI 12345678 año 1990", AT),
            reply("wamid.5", 1, "Asunto: Mi asunto: DNI 12345678 año 1990. Ahora describe tu problema."));

    // when
    projector.project(poll);

    // then
    assertThat(written)
        .isEqualTo(
            List.of(
                List.of(
                    new TranscriptRow(KEY, "WHATSAPP", new TranscriptLine(Direction.IN, "wamid.5", null, "Mi asunto: DNI ******** año ****", null, AT)),
                    new TranscriptRow(
                        KEY, "WHATSAPP",
                        new TranscriptLine(
                            Direction.OUT, "wamid.5#1", "wamid.5", "Asunto: Mi asunto: DNI ******** año ****. Ahora describe tu problema.", null, AT)))));
  }

  @Test
  void shouldWriteOneRowPerConversationWhenTwoConversationsUseTheSameMessageId() {
    // given: another member's message carries the same provider id (a forged or colliding id)
    String otherPhone = "51900000301";
    List<ConsumerRecord<String, byte[]>> poll =
        List.of(
            inbound("wamid.1", "Hola", AT),
            new ConsumerRecord<>(
                Topics.INBOUND_MESSAGES.name(), 0, offset++, "wa:" + otherPhone,
                Topics.INBOUND_MESSAGES.valueSerde().serializer().serialize(
                    Topics.INBOUND_MESSAGES.name(),
                    WhapiExamples.textEnvelope(otherPhone, "wamid.1", "texto del atacante", AT.plusSeconds(1)))));

    // when
    projector.project(poll);

    // then
    assertThat(written)
        .isEqualTo(
            List.of(
                List.of(
                    new TranscriptRow(KEY, "WHATSAPP", new TranscriptLine(Direction.IN, "wamid.1", null, "Hola", null, AT)),
                    new TranscriptRow(
                        "wa:" + otherPhone, "WHATSAPP",
                        new TranscriptLine(Direction.IN, "wamid.1", null, "texto del atacante", null, AT.plusSeconds(1))))));
  }

  @Test
  void shouldOpenSealedRecordsAndStillMaskTheCredentials() {
    // given: a ticket subject with credentials and the bot's echo, both sealed as on the topics
    EnvelopeSealer producers = instance();
    List<ConsumerRecord<String, byte[]>> poll =
        List.of(
            record(Topics.INBOUND_MESSAGES, producers.seal(WhapiExamples.textEnvelope(PHONE, "wamid.5", "Mi asunto: DNI 12345678 año 1990", AT))),
            record(Topics.OUTBOUND_MESSAGES, producers.seal(new OutboundMessage("wamid.5#1", Channel.WHATSAPP, Provider.WHAPI, KEY, PHONE,
                new OutboundContent.Text("Asunto: DNI 12345678 año 1990."), "wamid.5", AT))));

    // when
    sealedProjector().project(poll);

    // then
    assertThat(written)
        .isEqualTo(
            List.of(
                List.of(
                    new TranscriptRow(KEY, "WHATSAPP", new TranscriptLine(Direction.IN, "wamid.5", null, "Mi asunto: DNI ******** año ****", null, AT)),
                    new TranscriptRow(KEY, "WHATSAPP", new TranscriptLine(Direction.OUT, "wamid.5#1", "wamid.5", "Asunto: DNI ******** año ****.", null, AT)))));
  }

  @Test
  void shouldProjectNothingOfAForgottenMember() {
    // given: sealed records, then the member forgotten (their data key deleted)
    EnvelopeSealer producers = instance();
    List<ConsumerRecord<String, byte[]>> poll =
        List.of(
            record(Topics.INBOUND_MESSAGES, producers.seal(WhapiExamples.textEnvelope(PHONE, "wamid.5", "Hola", AT))),
            record(Topics.OUTBOUND_MESSAGES, producers.seal(new OutboundMessage("wamid.5#1", Channel.WHATSAPP, Provider.WHAPI, KEY, PHONE,
                new OutboundContent.Text("Bienvenido"), "wamid.5", AT))));
    dataKeys.remove(KEY);

    // when
    sealedProjector().project(poll);

    // then
    assertThat(written).isEqualTo(List.of(List.of()));
  }

  @Test
  void shouldKeepTheLatestSnapshotOfEachConversationOfAPoll() {
    // given: two handled messages of one member, then a redelivery of the first, and an ignored message
    ConversationSnapshot asking = new ConversationSnapshot(1L, true, null, Map.of("pending_action", "create_ticket", "step", "subject"));
    ConversationSnapshot done = new ConversationSnapshot(1L, true, null, Map.of());
    List<ConsumerRecord<String, byte[]>> poll =
        List.of(
            event("wamid.8", "create_ticket", AT, asking),
            event("wamid.9", "create_ticket", AT.plusSeconds(30), done),
            event("wamid.8", "create_ticket", AT, asking),
            event("wamid.10", "ignored", AT.plusSeconds(40), null));

    // when
    projector.project(poll);

    // then
    assertThat(conversations)
        .isEqualTo(
            List.of(
                List.of(
                    new AgentConversation(KEY, Channel.WHATSAPP, PHONE, null, null, 1L, true, Map.of(), AT.plusSeconds(30)))));
    assertThat(written.getFirst()).extracting(row -> row.line().messageId() + ": " + row.line().intent())
        .containsExactly("wamid.8: create_ticket", "wamid.9: create_ticket", "wamid.10: ignored");
  }

  @Test
  void shouldDeadLetterASnapshotOfAKeyThatIsNoConversationKey() {
    // given
    ConsumerRecord<String, byte[]> foreign =
        record(
            Topics.CONVERSATION_EVENTS,
            new ConversationEvent(
                "x/MESSAGE_HANDLED", "sms:1", ConversationEventType.MESSAGE_HANDLED, "x", "greeting", AT, 0, Map.of(),
                new ConversationSnapshot(null, false, null, Map.of())));

    // when
    BatchListenerFailedException failure =
        catchThrowableOfType(BatchListenerFailedException.class, () -> projector.project(List.of(foreign)));

    // then
    assertThat(failure.getRecord()).isSameAs(foreign);
    assertThat(written).isEmpty();
  }

  @Test
  void shouldWriteWhatPrecedesAnUnreadableRecordAndNameIt() {
    // given: a poll with a record that is not JSON in the middle
    ConsumerRecord<String, byte[]> poison =
        record(Topics.CONVERSATION_EVENTS, "MESSAGE_HANDLED but not JSON".getBytes(StandardCharsets.UTF_8));
    List<ConsumerRecord<String, byte[]>> poll =
        List.of(inbound("wamid.3", "Hola", AT), reply("wamid.3", 1, "Bienvenido"), poison, inbound("wamid.4", "ayuda", AT));

    // when
    BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class, () -> projector.project(poll));

    // then: the container dead-letters the poison, commits what precedes it and delivers the rest again
    assertThat(failure.getRecord()).isSameAs(poison);
    assertThat(failure.getCause()).isInstanceOf(org.apache.kafka.common.errors.SerializationException.class);
    assertThat(written)
        .isEqualTo(
            List.of(
                List.of(
                    new TranscriptRow(KEY, "WHATSAPP", new TranscriptLine(Direction.IN, "wamid.3", null, "Hola", null, AT)),
                    new TranscriptRow(KEY, "WHATSAPP", new TranscriptLine(Direction.OUT, "wamid.3#1", "wamid.3", "Bienvenido", null, AT)))));
  }

  @Test
  void shouldNameTheFirstRecordOfTheBatchDuringAnOutage() {
    // given
    outage = true;
    List<ConsumerRecord<String, byte[]>> poll = List.of(inbound("wamid.5", "Hola", AT), reply("wamid.5", 1, "Bienvenido"));

    // when
    BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class, () -> projector.project(poll));

    // then: retried from there (ProjectorErrorHandling), nothing written
    assertThat(failure.getRecord()).isSameAs(poll.getFirst());
    assertThat(failure.getCause()).isInstanceOf(MemberDataUnavailableException.class);
    assertThat(written).isEmpty();
  }

  @Test
  void shouldWriteRecordByRecordToFindTheOneTheDatabaseRefuses() {
    // given: the batch statement fails for one reply's row
    refusedMessageIds.add("wamid.6#1");
    List<ConsumerRecord<String, byte[]>> poll =
        List.of(inbound("wamid.6", "Hola", AT), reply("wamid.6", 1, "Bienvenido"), inbound("wamid.7", "ayuda", AT));

    // when
    BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class, () -> projector.project(poll));

    // then: the record before it is written, the refused one is named, the one after comes again
    assertThat(failure.getRecord()).isSameAs(poll.get(1));
    assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("value refused");
    assertThat(written)
        .isEqualTo(List.of(List.of(new TranscriptRow(KEY, "WHATSAPP", new TranscriptLine(Direction.IN, "wamid.6", null, "Hola", null, AT)))));
  }

  private ConsumerRecord<String, byte[]> inbound(String messageId, String text, Instant receivedAt) {
    return record(Topics.INBOUND_MESSAGES, WhapiExamples.textEnvelope(PHONE, messageId, text, receivedAt));
  }

  private ConsumerRecord<String, byte[]> reply(String inboundId, int n, String text) {
    return record(
        Topics.OUTBOUND_MESSAGES,
        new OutboundMessage(
            OutboundMessage.replyId(inboundId, n), Channel.WHATSAPP, Provider.WHAPI, KEY, PHONE,
            new OutboundContent.Text(text), inboundId, AT));
  }

  private ConsumerRecord<String, byte[]> event(String inboundId, String intent, Instant at) {
    return event(inboundId, intent, at, null);
  }

  private ConsumerRecord<String, byte[]> event(String inboundId, String intent, Instant at, ConversationSnapshot snapshot) {
    return record(
        Topics.CONVERSATION_EVENTS,
        new ConversationEvent(
            inboundId + "/MESSAGE_HANDLED", KEY, ConversationEventType.MESSAGE_HANDLED, inboundId, intent, at, 0,
            Map.of("replies", "1"), snapshot));
  }

  private <V> ConsumerRecord<String, byte[]> record(Topic<String, V> topic, V value) {
    return record(topic, topic.valueSerde().serializer().serialize(topic.name(), value));
  }

  private ConsumerRecord<String, byte[]> record(Topic<String, ?> topic, byte[] value) {
    return new ConsumerRecord<>(topic.name(), 0, offset++, KEY, value);
  }
}
