package pe.xofi.chat.conversation.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pe.xofi.chat.membercrypto.EnvelopeSealer;
import pe.xofi.chat.membercrypto.MasterKeys;
import pe.xofi.chat.membercrypto.Unsealed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pe.xofi.chat.conversation.WhapiExamples;
import pe.xofi.chat.conversation.engine.BotTexts;
import pe.xofi.chat.conversation.engine.Menus;
import pe.xofi.chat.schemas.DeadLetterHeaders;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import pe.xofi.chat.testsupport.KafkaTestBroker;
import pe.xofi.chat.testsupport.PostgresTestDatabase;

/**
 * Poison records on a real broker: each lands on {@code inbound-messages-dlt} with its reason and
 * original bytes, the Streams client keeps RUNNING, and the member's next message is answered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
class PoisonInboundRecordsIT {

  private static final String APPLICATION_ID = KafkaTestBroker.unique("poison-records-it");
  private static final String TRANSCRIPTS_GROUP = KafkaTestBroker.unique("poison-transcripts-it");
  private static final Instant RECEIVED = Instant.parse("2026-11-24T10:15:30.123Z");

  @TempDir static Path stateDir;

  static final PostgresTestDatabase memberDatabase = PostgresTestDatabase.create("poison_records_it");

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) {
    KafkaTestBroker.createRegistryTopics(Topics.DEFAULT_PARTITIONS, Topics.ALL);
    registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
    registry.add("spring.kafka.streams.application-id", () -> APPLICATION_ID);
    registry.add("spring.kafka.streams.state-dir", () -> stateDir.toString());
    registry.add("xofi.ops.projector.group-id", () -> TRANSCRIPTS_GROUP);
    registry.add("XOFI_DB_URL", memberDatabase::url);
    registry.add("XOFI_DATA_KEYSET", MasterKeys::generateJson);
    registry.add("XOFI_DB_USER", memberDatabase::user);
    registry.add("XOFI_DB_PASSWORD", memberDatabase::password);
  }

  @AfterAll
  static void dropMemberDatabase() {
    memberDatabase.drop();
  }

  @Autowired StreamsBuilderFactoryBean streams;

  @Autowired EnvelopeSealer sealer;

  @Test
  void shouldDeadLetterEveryPoisonRecordWithItsReasonAndAnswerTheNextMessage() {
    // given: one member's partition receives three poison records, then a greeting
    String phone = "519" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    String key = "wa:" + phone;
    byte[] notJson = {(byte) 0xC3, 0x28, '{', 'n', 'o'};
    byte[] wrongShape = "[{\"messageId\": {\"nested\": true}}, 42]".getBytes(StandardCharsets.UTF_8);
    InboundEnvelope hola = WhapiExamples.textEnvelope(phone, "wamid.hola-" + phone, "Hola", RECEIVED);
    // a provider payload without the routing facts the engine needs: no message id, no provider
    byte[] noRoutingFacts =
        Json.MAPPER.writeValueAsBytes(
            new InboundEnvelope(null, hola.channel(), null, key, hola.sender(), RECEIVED, null, hola.raw()));
    byte[] good = Topics.INBOUND_MESSAGES.valueSerde().serializer().serialize("t", hola);

    // when
    List<RecordMetadata> written = produce(key, List.of(notJson, wrongShape, noRoutingFacts, good));

    // then
    // the transcript projector gives the unreadable ones up too, under its own group
    List<ConsumerRecord<byte[], byte[]>> letters =
        read(Topics.INBOUND_MESSAGES_DLT.name(), key, 3,
            letter -> APPLICATION_ID.equals(header(letter, DeadLetterHeaders.CONSUMER_GROUP)));
    assertThat(letters.stream().map(ConsumerRecord::value).toList())
        .containsExactly(notJson, wrongShape, noRoutingFacts);
    assertThat(letters.stream().map(letter -> header(letter, DeadLetterHeaders.EXCEPTION)).toList())
        .isEqualTo(List.of(
            "tools.jackson.core.exc.StreamReadException",
            "tools.jackson.databind.exc.MismatchedInputException",
            "java.lang.IllegalArgumentException"));
    assertThat(letters.stream().map(letter -> header(letter, DeadLetterHeaders.ERROR)).toList())
        .allSatisfy(error -> assertThat(error).isNotBlank());
    assertThat(header(letters.get(2), DeadLetterHeaders.ERROR))
        .isEqualTo("an inbound envelope needs a message id and a provider");
    assertThat(letters.stream().map(PoisonInboundRecordsIT::source).toList())
        .isEqualTo(written.subList(0, 3).stream()
            .map(meta -> meta.topic() + "-" + meta.partition() + "@" + meta.offset()).toList());
    assertThat(letters).allSatisfy(letter -> {
      assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo(key);
      assertThat(letter.partition()).isEqualTo(written.getFirst().partition());
      assertThat(header(letter, XofiHeaders.TRACE_ID)).isEqualTo("poison-it");
    });

    List<ConsumerRecord<byte[], byte[]>> replies = read(Topics.OUTBOUND_MESSAGES.name(), key, 1, reply -> true);
    OutboundMessage reply = ((Unsealed.Readable<OutboundMessage>) sealer.open(
        Topics.OUTBOUND_MESSAGES.valueSerde().deserializer().deserialize("t", replies.getFirst().value()))).value();
    assertThat(reply.content()).isEqualTo(Menus.list(BotTexts.WELCOME));
    assertThat(reply.inReplyTo()).isEqualTo(hola.messageId());
    // no thread died: the client is (back to) RUNNING, a rebalance of a loaded machine may still end first
    await().atMost(Duration.ofSeconds(30)).until(() -> streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING);
  }

  @Test
  void shouldDeadLetterRecordsTheTranscriptProjectorCannotReadAndKeepProjecting() {
    // given: an audit fact that is not JSON, then the member's greeting
    String phone = "519" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    String key = "wa:" + phone;
    byte[] notAnEvent = "MESSAGE_HANDLED but not JSON".getBytes(StandardCharsets.UTF_8);
    byte[] notAnEnvelope = "<xml/>".getBytes(StandardCharsets.UTF_8);

    // when
    RecordMetadata event = produce(Topics.CONVERSATION_EVENTS.name(), key, List.of(notAnEvent)).getFirst();
    RecordMetadata inbound = produce(Topics.INBOUND_MESSAGES.name(), key, List.of(notAnEnvelope)).getFirst();

    // then
    ConsumerRecord<byte[], byte[]> eventLetter =
        read(Topics.CONVERSATION_EVENTS_DLT.name(), key, 1, letter -> true).getFirst();
    assertThat(eventLetter.value()).isEqualTo(notAnEvent);
    assertThat(source(eventLetter)).isEqualTo("conversation-events-" + event.partition() + "@" + event.offset());
    assertThat(header(eventLetter, DeadLetterHeaders.CONSUMER_GROUP)).isEqualTo(TRANSCRIPTS_GROUP);
    assertThat(header(eventLetter, DeadLetterHeaders.EXCEPTION)).isEqualTo("tools.jackson.core.exc.StreamReadException");
    // the same unreadable inbound record is given up by each of its two consumers, each saying so
    List<ConsumerRecord<byte[], byte[]>> inboundLetters =
        read(Topics.INBOUND_MESSAGES_DLT.name(), key, 2, letter -> true);
    assertThat(inboundLetters.stream().map(letter -> header(letter, DeadLetterHeaders.CONSUMER_GROUP)).toList())
        .containsExactlyInAnyOrder(APPLICATION_ID, TRANSCRIPTS_GROUP);
    assertThat(inboundLetters.stream().map(PoisonInboundRecordsIT::source).distinct().toList())
        .isEqualTo(List.of("inbound-messages-" + inbound.partition() + "@" + inbound.offset()));
  }

  private static List<RecordMetadata> produce(String key, List<byte[]> values) {
    return produce(Topics.INBOUND_MESSAGES.name(), key, values);
  }

  private static List<RecordMetadata> produce(String topic, String key, List<byte[]> values) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    List<RecordMetadata> written = new ArrayList<>();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (byte[] value : values) {
        ProducerRecord<byte[], byte[]> record =
            new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value);
        XofiHeaders.stamp(record.headers(), Topics.INBOUND_MESSAGES, "poison-it");
        written.add(producer.send(record).get());
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return written;
  }

  /** The committed records of {@code key} on {@code topic} that match, once {@code count} arrived. */
  private static List<ConsumerRecord<byte[], byte[]>> read(
      String topic, String key, int count, Predicate<ConsumerRecord<byte[], byte[]>> matching) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, KafkaTestBroker.unique("poison-it-reader"),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<byte[], byte[]>> mine = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(KafkaTestBroker.patience())
          .untilAsserted(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                  if (record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8))
                      && matching.test(record)) {
                    mine.add(record);
                  }
                });
                assertThat(mine).hasSizeGreaterThanOrEqualTo(count);
              });
    }
    return mine;
  }

  private static String source(ConsumerRecord<?, ?> letter) {
    return header(letter, DeadLetterHeaders.SOURCE_TOPIC) + "-" + header(letter, DeadLetterHeaders.SOURCE_PARTITION)
        + "@" + header(letter, DeadLetterHeaders.SOURCE_OFFSET);
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
