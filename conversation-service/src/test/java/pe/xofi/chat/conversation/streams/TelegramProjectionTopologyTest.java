package pe.xofi.chat.conversation.streams;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.backoff.FixedBackOff;
import pe.xofi.chat.conversation.engine.ConversationEngine;
import pe.xofi.chat.conversation.engine.IntentDetector;
import pe.xofi.chat.conversation.engine.auth.AuthPolicy;
import pe.xofi.chat.conversation.member.inmemory.InMemoryIdentificationLedger;
import pe.xofi.chat.conversation.member.inmemory.InMemoryPartnerDirectory;
import pe.xofi.chat.conversation.member.inmemory.InMemoryReceiptInbox;
import pe.xofi.chat.conversation.member.inmemory.InMemoryTicketDesk;
import pe.xofi.chat.conversation.metrics.ConversationMetrics;
import pe.xofi.chat.conversation.parser.InboundParser;
import pe.xofi.chat.conversation.parser.telegram.TelegramMessageParser;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.events.ConversationEvent;
import pe.xofi.chat.schemas.events.ConversationEventType;
import pe.xofi.chat.schemas.events.ConversationSnapshot;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.inbound.Sender;
import pe.xofi.chat.schemas.inbound.TelegramMessageId;
import static org.assertj.core.api.Assertions.assertThat;

/** A Telegram update through the topology: the sender's {@code @username} reaches the operators' snapshot. */
class TelegramProjectionTopologyTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-25T15:00:00Z");
  private static final String KEY = "tg:734561289";

  private final AtomicLong nanos = new AtomicLong();

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, InboundEnvelope> inbound;
  private TestOutputTopic<String, ConversationEvent> events;

  @BeforeEach
  void startDriver() {
    ConversationMetrics metrics = new ConversationMetrics(new SimpleMeterRegistry());
    ConversationTopology topology = new ConversationTopology(
        new InboundParser(List.of(new TelegramMessageParser())),
        new ConversationEngine(new IntentDetector(), new InMemoryPartnerDirectory(),
            new InMemoryIdentificationLedger(), AuthPolicy.defaults(), new InMemoryTicketDesk(),
            new InMemoryReceiptInbox()),
        metrics,
        () -> nanos.addAndGet(7_000),
        new FixedBackOff(0, 0));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "telegram-projection-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    ConversationStreamsSettings.apply(props, metrics);
    driver = new TopologyTestDriver(topology.build(), props);
    inbound = driver.createInputTopic(
        Topics.INBOUND_MESSAGES.name(),
        Topics.INBOUND_MESSAGES.keySerde().serializer(),
        Topics.INBOUND_MESSAGES.valueSerde().serializer());
    events = driver.createOutputTopic(
        Topics.CONVERSATION_EVENTS.name(),
        Topics.CONVERSATION_EVENTS.keySerde().deserializer(),
        Topics.CONVERSATION_EVENTS.valueSerde().deserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void shouldProjectTheTelegramUsernameOfTheSender() {
    // given
    var update = Json.MAPPER.readTree(
        """
        {"update_id":900001,"message":{"message_id":11,"date":1764082800,
         "from":{"id":734561289,"is_bot":false,"first_name":"José","username":"jose_ahorros"},
         "chat":{"id":734561289,"type":"private"},"text":"Hola"}}""");
    InboundEnvelope hola = new InboundEnvelope(TelegramMessageId.ofUpdate(900001), Channel.TELEGRAM, Provider.TELEGRAM,
        KEY, new Sender("734561289", "José"), RECEIVED, RECEIVED, update);

    // when
    inbound.pipeInput(KEY, hola);

    // then: the projector writes this snapshot to agent_conversation
    assertThat(events.readValuesToList())
        .isEqualTo(List.of(new ConversationEvent(
            "tg-update-900001/MESSAGE_HANDLED", KEY, ConversationEventType.MESSAGE_HANDLED, "tg-update-900001", "greeting",
            RECEIVED, 7, Map.of("replies", "1"), new ConversationSnapshot(null, false, "jose_ahorros", Map.of()))));
  }
}
