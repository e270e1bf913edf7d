package pe.xofi.chat.conversation.streams;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pe.xofi.chat.conversation.WhapiExamples;
import pe.xofi.chat.conversation.engine.BotTexts;
import pe.xofi.chat.conversation.engine.ConversationEngine;
import pe.xofi.chat.conversation.engine.IntentDetector;
import pe.xofi.chat.conversation.metrics.ConversationMetrics;
import pe.xofi.chat.conversation.parser.InboundParser;
import pe.xofi.chat.conversation.parser.whapi.WhapiMessageParser;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.conversation.state.ConversationStore;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.events.ConversationEvent;
import pe.xofi.chat.schemas.events.ConversationEventType;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

class ConversationTopologyTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-24T10:15:30.123Z");
  private static final String PHONE = "51987654321";
  private static final String KEY = "wa:" + PHONE;
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

  /** Every reading of the monotonic clock advances it by 7 µs, so each message takes 7 µs. */
  private final AtomicLong nanos = new AtomicLong();

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private TopologyTestDriver driver;
  private TestInputTopic<String, InboundEnvelope> inbound;
  private TestInputTopic<String, byte[]> inboundBytes;
  private TestOutputTopic<String, OutboundMessage> outbound;
  private TestOutputTopic<String, ConversationEvent> events;

  @BeforeEach
  void startDriver(@TempDir Path stateDir) {
    ConversationMetrics metrics = new ConversationMetrics(registry);
    ConversationTopology topology =
        new ConversationTopology(
            new InboundParser(List.of(new WhapiMessageParser())),
            new ConversationEngine(new IntentDetector()),
            metrics,
            () -> nanos.addAndGet(7_000));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "conversation-topology-test");
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
                    Map.of("replies", "1"))));
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
  void shouldSkipAGarbageRecordAndStillAnswerTheNextOne() {
    // given
    InboundEnvelope hola = WhapiExamples.textEnvelope(PHONE, "wamid.after-garbage", "Hola", RECEIVED);

    // when
    inboundBytes.pipeInput(KEY, "{not json at all".getBytes(StandardCharsets.UTF_8));
    inbound.pipeInput(traced(hola));

    // then
    assertThat(outbound.readValuesToList()).isEqualTo(List.of(welcome("wamid.after-garbage")));
    assertThat(registry.get("xofi.conversation.failures").tag("stage", "deserialization").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void shouldSkipAnEnvelopeItCannotHandleAndStillAnswerTheNextOne() {
    // given
    InboundEnvelope withoutId = WhapiExamples.textEnvelope(PHONE, null, "Hola", RECEIVED);
    InboundEnvelope hola = WhapiExamples.textEnvelope(PHONE, "wamid.after-bad-envelope", "Hola", RECEIVED);

    // when
    inbound.pipeInput(KEY, withoutId);
    inbound.pipeInput("not-a-conversation-key", hola);
    inbound.pipeInput(KEY, (InboundEnvelope) null);
    inbound.pipeInput(traced(hola));

    // then
    assertThat(outbound.readValuesToList()).isEqualTo(List.of(welcome("wamid.after-bad-envelope")));
    assertThat(registry.get("xofi.conversation.failures").tag("stage", "processing").counter().count())
        .isEqualTo(3.0);
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

  private static TestRecord<String, InboundEnvelope> traced(InboundEnvelope envelope) {
    RecordHeaders headers = new RecordHeaders();
    XofiHeaders.stamp(headers, Topics.INBOUND_MESSAGES, TRACE);
    return new TestRecord<>(envelope.conversationKey(), envelope, headers, RECEIVED);
  }

  private static String header(TestRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static OutboundMessage welcome(String inboundId) {
    return reply(inboundId, BotTexts.WELCOME);
  }

  private static OutboundMessage reply(String inboundId, String text) {
    return new OutboundMessage(
        inboundId + "#1",
        Channel.WHATSAPP,
        Provider.WHAPI,
        KEY,
        PHONE,
        new OutboundContent.Text(text),
        inboundId,
        RECEIVED);
  }
}
