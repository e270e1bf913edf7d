package pe.xofi.chat.conversation.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import pe.xofi.chat.conversation.WhapiExamples;
import pe.xofi.chat.conversation.engine.IntentDetector;
import pe.xofi.chat.conversation.member.MemberDataUnavailableException;
import pe.xofi.chat.conversation.member.MemberTestDatabase;
import pe.xofi.chat.conversation.ops.TranscriptLine.Direction;
import pe.xofi.chat.conversation.parser.InboundParser;
import pe.xofi.chat.conversation.parser.whapi.WhapiMessageParser;
import pe.xofi.chat.schemas.DeadLetterHeaders;
import pe.xofi.chat.schemas.Topic;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.events.ConversationEvent;
import pe.xofi.chat.schemas.events.ConversationEventType;
import pe.xofi.chat.schemas.events.ConversationSnapshot;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import pe.xofi.chat.testsupport.KafkaTestBroker;

/**
 * The projector's container on a real broker and PostgreSQL, with the production error handler: a
 * poison record in the middle of a poll is dead-lettered alone and the rest is projected (lines,
 * intents and {@code agent_conversation}); an outage longer than spring-kafka's default ten attempts
 * loses no line and dead-letters nothing.
 */
class TranscriptProjectorIT {

  private static final Instant AT = Instant.parse("2026-11-24T15:30:00Z");

  static MemberTestDatabase database;

  private final AtomicInteger outageAttemptsLeft = new AtomicInteger();
  private TranscriptStore store;
  private ConcurrentMessageListenerContainer<String, byte[]> container;
  private String groupId;

  @BeforeAll
  static void createDatabase() {
    KafkaTestBroker.createRegistryTopics(Topics.DEFAULT_PARTITIONS, Topics.ALL);
    database = MemberTestDatabase.createMigrated("transcript_projector_it");
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @BeforeEach
  void freshGroupAtTheEnds() {
    groupId = freshGroup();
  }

  @AfterEach
  void stopContainer() {
    if (container != null) {
      container.stop();
    }
  }

  @Test
  void shouldDeadLetterOnlyThePoisonRecordInTheMiddleOfAPollAndProjectTheRest() {
    // given: one partition of conversation-events holds an intent, a poison record and another intent,
    // the member's lines (one of them twice, a provider retry) are on the other topics
    String phone = phone();
    String key = "wa:" + phone;
    produce(Topics.INBOUND_MESSAGES, key, Topics.INBOUND_MESSAGES.valueSerde().serializer().serialize("t",
        WhapiExamples.textEnvelope(phone, "w.a-" + phone, "Hola", AT)));
    produce(Topics.INBOUND_MESSAGES, key, Topics.INBOUND_MESSAGES.valueSerde().serializer().serialize("t",
        WhapiExamples.textEnvelope(phone, "w.a-" + phone, "Hola", AT)));
    produce(Topics.INBOUND_MESSAGES, key, Topics.INBOUND_MESSAGES.valueSerde().serializer().serialize("t",
        WhapiExamples.textEnvelope(phone, "w.b-" + phone, "ayuda", AT.plusSeconds(5))));
    produce(Topics.OUTBOUND_MESSAGES, key, Topics.OUTBOUND_MESSAGES.valueSerde().serializer().serialize("t",
        reply(phone, "w.a-" + phone, "Bienvenido", AT)));
    produce(Topics.CONVERSATION_EVENTS, key, handled(key, "w.a-" + phone, "greeting", AT));
    byte[] poison = "MESSAGE_HANDLED but not JSON".getBytes(StandardCharsets.UTF_8);
    RecordMetadata poisoned = produce(Topics.CONVERSATION_EVENTS, key, poison);
    produce(Topics.CONVERSATION_EVENTS, key, handled(key, "w.b-" + phone, "help", AT.plusSeconds(5)));

    // when
    start(Duration.ofSeconds(2));

    // then
    await().atMost(KafkaTestBroker.patience()).untilAsserted(() ->
        assertThat(store.transcript(key).block().lines())
            .isEqualTo(
                List.of(
                    new TranscriptLine(Direction.IN, "w.a-" + phone, null, "Hola", "greeting", AT),
                    new TranscriptLine(Direction.OUT, "w.a-" + phone + "#1", "w.a-" + phone, "Bienvenido", null, AT),
                    new TranscriptLine(Direction.IN, "w.b-" + phone, null, "ayuda", "help", AT.plusSeconds(5)))));
    assertThat(store.transcript(key).block().state())
        .isEqualTo(new ConversationTranscript.State(null, false, "{}", AT.plusSeconds(5)));
    List<ConsumerRecord<String, byte[]>> letters = deadLetters(Topics.CONVERSATION_EVENTS_DLT, key);
    assertThat(letters).hasSize(1);
    assertThat(letters.getFirst().value()).isEqualTo(poison);
    assertThat(header(letters.getFirst(), DeadLetterHeaders.CONSUMER_GROUP)).isEqualTo(groupId);
    assertThat(header(letters.getFirst(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo(Long.toString(poisoned.offset()));
    assertThat(header(letters.getFirst(), DeadLetterHeaders.EXCEPTION)).isEqualTo("tools.jackson.core.exc.StreamReadException");
    assertThat(header(letters.getFirst(), DeadLetterHeaders.ERROR)).startsWith("not a valid ConversationEvent on conversation-events");
    assertThat(deadLetters(Topics.INBOUND_MESSAGES_DLT, key)).isEmpty();
    assertThat(deadLetters(Topics.OUTBOUND_MESSAGES_DLT, key)).isEmpty();
  }

  @Test
  void shouldRetryAnOutageForAsLongAsItLastsAndLoseNoLine() {
    // given: the database fails fifteen writes in a row, more than spring-kafka's default ten attempts
    String phone = phone();
    String key = "wa:" + phone;
    outageAttemptsLeft.set(15);
    produce(Topics.INBOUND_MESSAGES, key, Topics.INBOUND_MESSAGES.valueSerde().serializer().serialize("t",
        WhapiExamples.textEnvelope(phone, "w.c-" + phone, "Hola", AT)));
    produce(Topics.OUTBOUND_MESSAGES, key, Topics.OUTBOUND_MESSAGES.valueSerde().serializer().serialize("t",
        reply(phone, "w.c-" + phone, "Bienvenido", AT)));
    produce(Topics.CONVERSATION_EVENTS, key, handled(key, "w.c-" + phone, "greeting", AT));

    // when
    start(Duration.ofMillis(50));

    // then
    await().atMost(KafkaTestBroker.patience()).untilAsserted(() ->
        assertThat(store.transcript(key).block().lines())
            .isEqualTo(
                List.of(
                    new TranscriptLine(Direction.IN, "w.c-" + phone, null, "Hola", "greeting", AT),
                    new TranscriptLine(Direction.OUT, "w.c-" + phone + "#1", "w.c-" + phone, "Bienvenido", null, AT))));
    // the operators' view is the batch's second statement, written just after the lines
    await().atMost(KafkaTestBroker.patience()).untilAsserted(() ->
        assertThat(store.transcript(key).block().state()).isEqualTo(new ConversationTranscript.State(null, false, "{}", AT)));
    assertThat(outageAttemptsLeft.get()).isNegative();
    assertThat(deadLetters(Topics.INBOUND_MESSAGES_DLT, key)).isEmpty();
    assertThat(deadLetters(Topics.OUTBOUND_MESSAGES_DLT, key)).isEmpty();
    assertThat(deadLetters(Topics.CONVERSATION_EVENTS_DLT, key)).isEmpty();
  }

  /** Starts the projector with its production error handler, from the end of every topic as it was before the test. */
  private void start(Duration outageRetry) {
    store = new TranscriptStore(database.blockingDatabase());
    ProjectionWriter writer = ProjectionWriter.of(store, new AgentConversationStore(database.blockingDatabase()));
    ProjectionWriter flaky = batch -> {
      if (outageAttemptsLeft.getAndDecrement() > 0) {
        throw new MemberDataUnavailableException("member database unavailable: write transcript lines", null);
      }
      writer.write(batch);
    };
    TranscriptProjector projector =
        new TranscriptProjector(new InboundParser(List.of(new WhapiMessageParser())), new IntentDetector(), flaky);
    KafkaProperties kafka = new KafkaProperties();
    kafka.setBootstrapServers(List.of(KafkaTestBroker.bootstrapServers()));
    container =
        OpsConfiguration.projectorContainer(
            kafka, groupId, projector, ProjectorErrorHandling.errorHandler(kafka, groupId, Clock.systemUTC(), outageRetry));
    container.start();
  }

  /** A fresh group whose offsets are the ends of the projector's topics now, before this test's records. */
  private static String freshGroup() {
    String group = KafkaTestBroker.unique("transcript-projector-it");
    try (KafkaConsumer<String, byte[]> consumer = consumer(group)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (Topic<String, ?> topic : List.of(Topics.INBOUND_MESSAGES, Topics.OUTBOUND_MESSAGES, Topics.CONVERSATION_EVENTS)) {
        consumer.partitionsFor(topic.name()).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      }
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Map<TopicPartition, OffsetAndMetadata> offsets = new java.util.HashMap<>();
      ends.forEach((partition, end) -> offsets.put(partition, new OffsetAndMetadata(end)));
      consumer.commitSync(offsets);
    }
    return group;
  }

  private static RecordMetadata produce(Topic<String, ?> topic, String key, byte[] value) {
    Map<String, Object> config =
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      return producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every record of {@code key} on {@code topic}, from its start to its end now. */
  private static List<ConsumerRecord<String, byte[]>> deadLetters(Topic<String, ?> topic, String key) {
    List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer(KafkaTestBroker.unique("transcript-projector-it-reader"))) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + KafkaTestBroker.patience().toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
          if (key.equals(record.key())) {
            mine.add(record);
          }
        });
      }
    }
    return mine;
  }

  private static KafkaConsumer<String, byte[]> consumer(String group) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, group,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }

  private static OutboundMessage reply(String phone, String inboundId, String text, Instant at) {
    return new OutboundMessage(
        inboundId + "#1", Channel.WHATSAPP, Provider.WHAPI, "wa:" + phone, phone, new OutboundContent.Text(text), inboundId, at);
  }

  /** The handled fact of a message after which the member has no session, received at {@code at}. */
  private static byte[] handled(String key, String inboundId, String intent, Instant at) {
    return Topics.CONVERSATION_EVENTS.valueSerde().serializer().serialize("t",
        new ConversationEvent(inboundId + "/MESSAGE_HANDLED", key, ConversationEventType.MESSAGE_HANDLED, inboundId, intent,
            at, 0, Map.of("replies", "1"), new ConversationSnapshot(null, false, null, Map.of())));
  }

  private static String phone() {
    return "519" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
