package pe.xofi.chat.conversation.streams;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.backoff.FixedBackOff;
import pe.xofi.chat.conversation.WhapiExamples;
import pe.xofi.chat.conversation.engine.BotTexts;
import pe.xofi.chat.conversation.engine.ConversationEngine;
import pe.xofi.chat.conversation.engine.IntentDetector;
import pe.xofi.chat.conversation.engine.Menus;
import pe.xofi.chat.conversation.engine.auth.AuthPolicy;
import pe.xofi.chat.conversation.engine.auth.AuthTexts;
import pe.xofi.chat.conversation.engine.ticket.TicketTexts;
import pe.xofi.chat.conversation.member.MemberDataUnavailableException;
import pe.xofi.chat.conversation.member.inmemory.InMemoryIdentificationLedger;
import pe.xofi.chat.conversation.member.inmemory.InMemoryPartnerDirectory;
import pe.xofi.chat.conversation.member.inmemory.InMemoryReceiptInbox;
import pe.xofi.chat.conversation.member.inmemory.InMemoryTicketDesk.OpenedTicket;
import pe.xofi.chat.conversation.member.inmemory.InMemoryTicketDesk;
import pe.xofi.chat.conversation.metrics.ConversationMetrics;
import pe.xofi.chat.conversation.parser.InboundParser;
import pe.xofi.chat.conversation.parser.whapi.WhapiMessageParser;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.conversation.state.ConversationStore;
import pe.xofi.chat.conversation.state.PendingForm.CreateTicket;
import pe.xofi.chat.conversation.state.PendingForm.TicketStep;
import pe.xofi.chat.schemas.DeadLetterHeaders;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.JsonSerde;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.events.ConversationEvent;
import pe.xofi.chat.schemas.events.ConversationEventType;
import pe.xofi.chat.schemas.events.ConversationSnapshot;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.media.MediaDownload;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ConversationTopologyTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-24T10:15:30.123Z");
  private static final String PHONE = "51987654321";
  private static final String KEY = "wa:" + PHONE;
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

  private static final String APPLICATION_ID = "conversation-topology-test";

  /** Retries of a message while the member data is unavailable, after the first attempt. */
  private static final int RETRIES = 2;

  /** Every reading of the monotonic clock advances it by 7 µs, so each message takes 7 µs. */
  private final AtomicLong nanos = new AtomicLong();

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  /** The member database: fails as many times as told, then answers from the demo data. */
  private final FlakyPartnerDirectory partners = new FlakyPartnerDirectory(new InMemoryPartnerDirectory());

  private final InMemoryTicketDesk tickets = new InMemoryTicketDesk();
  private final InMemoryReceiptInbox receipts = new InMemoryReceiptInbox();

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, InboundEnvelope> inbound;
  private TestInputTopic<String, byte[]> inboundBytes;
  private TestOutputTopic<String, OutboundMessage> outbound;
  private TestOutputTopic<String, ConversationEvent> events;
  private TestOutputTopic<String, MediaDownload> downloads;
  private TestOutputTopic<byte[], byte[]> deadLetters;

  @BeforeEach
  void startDriver() {
    ConversationMetrics metrics = new ConversationMetrics(registry);
    ConversationTopology topology =
        new ConversationTopology(
            new InboundParser(List.of(new WhapiMessageParser())),
            new ConversationEngine(
                new IntentDetector(),
                partners,
                new InMemoryIdentificationLedger(),
                AuthPolicy.defaults(),
                tickets,
                receipts),
            metrics,
            () -> nanos.addAndGet(7_000),
            new FixedBackOff(0, RETRIES));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    ConversationStreamsSettings.apply(props, metrics);
    driver = new TopologyTestDriver(topology.build(), props);

    inbound =
        driver.createInputTopic(
            Topics.INBOUND_MESSAGES.name(),
            Topics.INBOUND_MESSAGES.keySerde().serializer(),
            Topics.INBOUND_MESSAGES.valueSerde().serializer());
    inboundBytes =
        driver.createInputTopic(
            Topics.INBOUND_MESSAGES.name(), new StringSerializer(), new ByteArraySerializer());
    outbound =
        driver.createOutputTopic(
            Topics.OUTBOUND_MESSAGES.name(),
            Topics.OUTBOUND_MESSAGES.keySerde().deserializer(),
            Topics.OUTBOUND_MESSAGES.valueSerde().deserializer());
    events =
        driver.createOutputTopic(
            Topics.CONVERSATION_EVENTS.name(),
            Topics.CONVERSATION_EVENTS.keySerde().deserializer(),
            Topics.CONVERSATION_EVENTS.valueSerde().deserializer());
    downloads =
        driver.createOutputTopic(
            Topics.MEDIA_DOWNLOADS.name(),
            Topics.MEDIA_DOWNLOADS.keySerde().deserializer(),
            Topics.MEDIA_DOWNLOADS.valueSerde().deserializer());
    deadLetters =
        driver.createOutputTopic(
            Topics.INBOUND_MESSAGES_DLT.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void shouldAnswerHolaWithTheWelcomeMenuAndRecordTheFact() {
    // given
    InboundEnvelope hola = WhapiExamples.textEnvelope(PHONE, "wamid.hola", "Hola", RECEIVED);

    // when
    inbound.pipeInput(traced(hola));

    // then
    assertThat(outbound.readKeyValuesToMap())
        .isEqualTo(Map.of(KEY, welcome("wamid.hola")));
    assertThat(events.readValuesToList())
        .isEqualTo(
            List.of(
                new ConversationEvent(
                    "wamid.hola/MESSAGE_HANDLED",
                    KEY,
                    ConversationEventType.MESSAGE_HANDLED,
                    "wamid.hola",
                    "greeting",
                    RECEIVED,
                    7,
                    Map.of("replies", "1"),
                    new ConversationSnapshot(null, false, null, Map.of()))));
    assertThat(registry.get("xofi.conversation.messages.handled").tag("intent", "greeting").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void shouldStampRepliesWithTheInboundTraceIdAndTheirSchemaVersion() {
    // given
    InboundEnvelope hola = WhapiExamples.textEnvelope(PHONE, "wamid.trace", "hola", RECEIVED);

    // when
    inbound.pipeInput(traced(hola));

    // then
    TestRecord<String, OutboundMessage> reply = outbound.readRecord();
    assertThat(header(reply, XofiHeaders.TRACE_ID)).isEqualTo(TRACE);
    assertThat(header(reply, XofiHeaders.SCHEMA_VERSION)).isEqualTo("1");
    TestRecord<String, ConversationEvent> event = events.readRecord();
    assertThat(header(event, XofiHeaders.TRACE_ID)).isEqualTo(TRACE);
    assertThat(header(event, XofiHeaders.SCHEMA_VERSION)).isEqualTo("1");
  }

  @Test
  void shouldCountADniTriedFromASecondNumberOnceTheDecisionIsWritten() {
    // given a failure of José's DNI from one number
    inbound.pipeInput(traced(WhapiExamples.textEnvelope("51900000101", "wamid.d1", "DNI 87654321 año 1970", RECEIVED)));

    // when another number tries it
    inbound.pipeInput(traced(WhapiExamples.textEnvelope("51900000102", "wamid.d2", "DNI 87654321 año 1971", RECEIVED)));

    // then
    assertThat(registry.get("xofi.auth.dni.multiple.phones").counter().count()).isEqualTo(1.0);
  }

  @Test
  void shouldAnswerTheSameEnvelopeOnlyOnce() {
    // given
    InboundEnvelope hola = WhapiExamples.textEnvelope(PHONE, "wamid.twice", "Hola", RECEIVED);

    // when
    inbound.pipeInput(traced(hola));
    inbound.pipeInput(traced(hola));

    // then
    assertThat(outbound.readValuesToList()).isEqualTo(List.of(welcome("wamid.twice")));
    assertThat(events.readValuesToList().stream().map(ConversationEvent::type).toList())
        .isEqualTo(List.of(ConversationEventType.MESSAGE_HANDLED, ConversationEventType.DUPLICATE_DROPPED));
    assertThat(registry.get("xofi.conversation.duplicates.dropped").counter().count()).isEqualTo(1.0);
  }

  @Test
  void shouldKeepTheConversationStateInTheConversationsStore() {
    // given
    InboundEnvelope hola = WhapiExamples.textEnvelope(PHONE, "wamid.s1", "Hola", RECEIVED);
    InboundEnvelope ayuda = WhapiExamples.textEnvelope(PHONE, "wamid.s2", "ayuda", RECEIVED.plusSeconds(5));

    // when
    inbound.pipeInput(traced(hola));
    inbound.pipeInput(traced(ayuda));

    // then
    KeyValueStore<String, ConversationState> store = driver.getKeyValueStore(ConversationStore.NAME);
    assertThat(store.get(KEY))
        .isEqualTo(
            new ConversationState(Channel.WHATSAPP, RECEIVED.plusSeconds(5), List.of("wamid.s1", "wamid.s2")));
    assertThat(outbound.readValuesToList().stream().map(reply -> reply.content().fallbackText()).toList())
        .isEqualTo(List.of(BotTexts.WELCOME, BotTexts.HELP));
  }

  @Test
  void shouldDeadLetterAGarbageRecordWithItsReasonAndStillAnswerTheNextOne() {
    // given
    byte[] garbage = "{not json at all".getBytes(StandardCharsets.UTF_8);
    InboundEnvelope hola = WhapiExamples.textEnvelope(PHONE, "wamid.after-garbage", "Hola", RECEIVED);

    // when
    inboundBytes.pipeInput(new TestRecord<>(KEY, garbage, tracedHeaders(), RECEIVED));
    inbound.pipeInput(traced(hola));

    // then
    assertThat(outbound.readValuesToList()).isEqualTo(List.of(welcome("wamid.after-garbage")));
    TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
    assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo(KEY);
    assertThat(letter.value()).isEqualTo(garbage);
    assertThat(header(letter, DeadLetterHeaders.EXCEPTION)).isEqualTo("tools.jackson.core.exc.StreamReadException");
    assertThat(header(letter, DeadLetterHeaders.ERROR)).startsWith("not a valid InboundEnvelope on inbound-messages: ");
    assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(Topics.INBOUND_MESSAGES.name());
    assertThat(header(letter, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
    assertThat(header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
    assertThat(header(letter, DeadLetterHeaders.CONSUMER_GROUP)).isEqualTo(APPLICATION_ID);
    assertThat(header(letter, XofiHeaders.TRACE_ID)).isEqualTo(TRACE);
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(registry.get("xofi.conversation.failures").tag("stage", "deserialization").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void shouldDeadLetterEnvelopesItCannotHandleAndStillAnswerTheNextOne() {
    // given
    InboundEnvelope withoutId = WhapiExamples.textEnvelope(PHONE, null, "Hola", RECEIVED);
    InboundEnvelope hola = WhapiExamples.textEnvelope(PHONE, "wamid.after-bad-envelope", "Hola", RECEIVED);

    // when
    inbound.pipeInput(KEY, withoutId);
    inbound.pipeInput("not-a-conversation-key", hola);
    inbound.pipeInput(KEY, (InboundEnvelope) null);
    inboundBytes.pipeInput((String) null, "{}".getBytes(StandardCharsets.UTF_8));
    inbound.pipeInput(traced(hola));

    // then
    assertThat(outbound.readValuesToList()).isEqualTo(List.of(welcome("wamid.after-bad-envelope")));
    List<TestRecord<byte[], byte[]>> letters = deadLetters.readRecordsToList();
    assertThat(letters.stream().map(letter -> header(letter, DeadLetterHeaders.SOURCE_OFFSET)).toList())
        .isEqualTo(List.of("0", "1", "2", "3"));
    assertThat(letters.stream().map(letter -> header(letter, DeadLetterHeaders.EXCEPTION)).toList())
        .isEqualTo(List.of(
            "java.lang.IllegalArgumentException",
            "java.lang.IllegalArgumentException",
            PoisonRecordException.class.getName(),
            PoisonRecordException.class.getName()));
    assertThat(letters.get(1).key()).isEqualTo("not-a-conversation-key".getBytes(StandardCharsets.UTF_8));
    assertThat(letters.get(2).value()).isNull();
    assertThat(letters.get(3).key()).isNull();
    assertThat(registry.get("xofi.conversation.failures").tag("stage", "processing").counter().count())
        .isEqualTo(2.0);
    assertThat(registry.get("xofi.conversation.failures").tag("stage", "deserialization").counter().count())
        .isEqualTo(2.0);
  }

  @Test
  void shouldAnswerAMalformedRawMessageAsUnsupported() {
    // given
    InboundEnvelope malformed =
        WhapiExamples.envelope(PHONE, "wamid.malformed", Json.MAPPER.readTree("\"not a message\""), RECEIVED);

    // when
    inbound.pipeInput(traced(malformed));

    // then
    assertThat(outbound.readValuesToList())
        .isEqualTo(List.of(reply("wamid.malformed", BotTexts.UNSUPPORTED)));
  }

  @Test
  void shouldRegisterTheSeedsCaptionedReceiptAndRequestItsDownload() {
    // given
    Instant january = Instant.parse("2025-01-20T15:00:00Z");
    inbound.pipeInput(traced(WhapiExamples.textEnvelope(PHONE, "wamid.dni", "DNI 12345678 año 1990", january)));
    outbound.readValuesToList();
    InboundEnvelope photo =
        WhapiExamples.envelope(PHONE, "wamid.photo", WhapiExamples.json(WhapiExamples.IMAGE_RECEIPT), january.plusSeconds(30));

    // when
    inbound.pipeInput(traced(photo));

    // then
    assertThat(downloads.readKeyValuesToList())
        .isEqualTo(
            List.of(
                KeyValue.pair(
                    KEY,
                    new MediaDownload(
                        "RC-000001",
                        KEY,
                        Provider.WHAPI,
                        "jpeg-7d2b3c1f0e4d5a6b",
                        "https://gate.whapi.cloud/media/jpeg-7d2b3c1f0e4d5a6b",
                        "image/jpeg",
                        january.plusSeconds(30)))));
    assertThat(outbound.readValuesToList().stream().map(reply -> reply.content().fallbackText()).toList())
        .isEqualTo(
            List.of(
                """
                Registramos tu comprobante *RC-000001*.
                Monto: S/ 500.00
                Fecha de pago: 15/01/2025
                Lo revisaremos y te avisaremos si necesitamos algo más."""));
    assertThat(events.readValuesToList().stream().map(ConversationEvent::type).toList())
        .isEqualTo(
            List.of(
                ConversationEventType.AUTHENTICATED,
                ConversationEventType.MESSAGE_HANDLED,
                ConversationEventType.RECEIPT_REGISTERED,
                ConversationEventType.MESSAGE_HANDLED));
  }

  @Test
  void shouldAnswerOnceWhenTheMemberDatabaseRecoversWithinTheRetries() {
    // given
    partners.failNextCalls(RETRIES);
    InboundEnvelope dni = WhapiExamples.textEnvelope(PHONE, "wamid.flaky", "DNI 12345678 año 1990", RECEIVED);

    // when
    inbound.pipeInput(traced(dni));

    // then
    assertThat(outbound.readValuesToList().stream().map(reply -> reply.content().fallbackText()).toList())
        .isEqualTo(List.of(AuthTexts.welcome("María")));
    assertThat(partners.failures()).isEqualTo(RETRIES);
  }

  @Test
  void shouldFailTheTaskWithoutSkippingWhenTheOutageOutlastsTheRetriesAndAnswerOnceOnResume() {
    // given
    partners.failNextCalls(RETRIES + 1);
    InboundEnvelope dni = WhapiExamples.textEnvelope(PHONE, "wamid.outage", "DNI 12345678 año 1990", RECEIVED);

    // when
    Throwable failure = catchThrowable(() -> inbound.pipeInput(traced(dni)));
    // the replaced thread resumes from the last committed offset: the same record again
    inbound.pipeInput(traced(dni));

    // then
    assertThat(failure).isInstanceOf(StreamsException.class).hasRootCauseInstanceOf(MemberDataUnavailableException.class);
    assertThat(outbound.readValuesToList().stream().map(reply -> reply.content().fallbackText()).toList())
        .isEqualTo(List.of(AuthTexts.welcome("María")));
    assertThat(registry.get("xofi.conversation.failures").tag("stage", "member_data").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void shouldContinueATicketFormAfterARestartRestoredFromTheChangelog() {
    // given a ticket form waiting for its description when the service stops
    inbound.pipeInput(traced(WhapiExamples.textEnvelope(PHONE, "wamid.r1", "DNI 12345678 año 1990", RECEIVED)));
    inbound.pipeInput(traced(WhapiExamples.textEnvelope(PHONE, "wamid.r2", "crear ticket", RECEIVED.plusSeconds(10))));
    inbound.pipeInput(traced(WhapiExamples.textEnvelope(PHONE, "wamid.r3", "Problema con pago", RECEIVED.plusSeconds(20))));
    outbound.readValuesToList();
    List<KeyValue<String, ConversationState>> changelog = changelog().readKeyValuesToList();
    restartRestoring(changelog);

    // when
    inbound.pipeInput(
        traced(WhapiExamples.textEnvelope(PHONE, "wamid.r4", "No puedo pagar mi cuota", RECEIVED.plusSeconds(30))));

    // then
    assertThat(changelog.getLast().value.pendingForm())
        .isEqualTo(new CreateTicket(TicketStep.DESCRIPTION, "Problema con pago"));
    assertThat(outbound.readValuesToList().stream().map(reply -> reply.content().fallbackText()).toList())
        .isEqualTo(List.of(TicketTexts.created("TK-000001", "Problema con pago")));
    assertThat(tickets.opened().stream().map(OpenedTicket::sourceMessageId).toList()).isEqualTo(List.of("wamid.r4"));
  }

  /** The {@code conversations} store's changelog topic as the driver captured it. */
  private TestOutputTopic<String, ConversationState> changelog() {
    return driver.createOutputTopic(
        APPLICATION_ID + "-" + ConversationStore.NAME + "-changelog",
        new StringDeserializer(),
        new JsonSerde<>(ConversationState.class).deserializer());
  }

  /**
   * Stops the driver and starts a new one with a new engine instance, its store rebuilt from {@code
   * changelog} as Kafka Streams restores a store on another instance or after a wiped state
   * directory ({@code TopologyTestDriver} deletes its state directory on close).
   */
  private void restartRestoring(List<KeyValue<String, ConversationState>> changelog) {
    driver.close();
    startDriver();
    KeyValueStore<String, ConversationState> store = driver.getKeyValueStore(ConversationStore.NAME);
    changelog.forEach(entry -> store.put(entry.key, entry.value));
  }

  private static TestRecord<String, InboundEnvelope> traced(InboundEnvelope envelope) {
    return new TestRecord<>(envelope.conversationKey(), envelope, tracedHeaders(), RECEIVED);
  }

  private static RecordHeaders tracedHeaders() {
    RecordHeaders headers = new RecordHeaders();
    XofiHeaders.stamp(headers, Topics.INBOUND_MESSAGES, TRACE);
    return headers;
  }

  private static String header(TestRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static OutboundMessage welcome(String inboundId) {
    return reply(inboundId, Menus.list(BotTexts.WELCOME));
  }

  private static OutboundMessage reply(String inboundId, String text) {
    return reply(inboundId, new OutboundContent.Text(text));
  }

  private static OutboundMessage reply(String inboundId, OutboundContent content) {
    return new OutboundMessage(
        inboundId + "#1",
        Channel.WHATSAPP,
        Provider.WHAPI,
        KEY,
        PHONE,
        content,
        inboundId,
        RECEIVED);
  }
}
