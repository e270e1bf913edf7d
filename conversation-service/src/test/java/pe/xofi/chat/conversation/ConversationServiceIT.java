package pe.xofi.chat.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pe.xofi.chat.membercrypto.DataKeys;
import pe.xofi.chat.membercrypto.EnvelopeSealer;
import pe.xofi.chat.membercrypto.JdbcMemberKeyStore;
import pe.xofi.chat.membercrypto.MasterKeys;
import pe.xofi.chat.membercrypto.MemberKeySchema;
import pe.xofi.chat.membercrypto.RecordSealer;
import pe.xofi.chat.membercrypto.Unsealed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.xofi.chat.conversation.engine.BotTexts;
import pe.xofi.chat.conversation.engine.Menus;
import pe.xofi.chat.schemas.Topic;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import pe.xofi.chat.testsupport.KafkaTestBroker;
import pe.xofi.chat.testsupport.PostgresTestDatabase;

/** The service on a real broker: an envelope in, a committed reply out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the member ports in memory: this test is about Kafka, not PostgreSQL
// close the Streams client after the class, before its temporary state dir is deleted
@DirtiesContext
class ConversationServiceIT {

  private static final String APPLICATION_ID = KafkaTestBroker.unique("conversation-service-it");
  private static final Instant RECEIVED = Instant.parse("2026-11-24T10:15:30.123Z");

  private static final String KEYSET = MasterKeys.generateJson();

  @TempDir static Path stateDir;

  static final PostgresTestDatabase memberDatabase = PostgresTestDatabase.create("conversation_service_it");

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) {
    KafkaTestBroker.createRegistryTopics(Topics.DEFAULT_PARTITIONS, Topics.ALL);
    registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
    registry.add("spring.kafka.streams.application-id", () -> APPLICATION_ID);
    registry.add("spring.kafka.streams.state-dir", () -> stateDir.toString());
    registry.add("XOFI_DB_URL", memberDatabase::url);
    registry.add("XOFI_DATA_KEYSET", () -> KEYSET);
    registry.add("XOFI_DB_USER", memberDatabase::user);
    registry.add("XOFI_DB_PASSWORD", memberDatabase::password);
    registry.add("xofi.staff.users", () -> "ana:operator:" + new BCryptPasswordEncoder(4).encode("clave-ana"));
  }

  @AfterAll
  static void dropMemberDatabase() {
    memberDatabase.drop();
  }

  @LocalManagementPort int managementPort;

  @Autowired MeterRegistry meterRegistry;

  @Autowired EnvelopeSealer sealer;

  @Test
  void shouldAnswerHolaOnOutboundMessagesOnceEvenWhenTheProviderRetries() {
    // given
    String phone = uniquePhone();
    String key = "wa:" + phone;
    String traceId = XofiHeaders.newTraceId();
    InboundEnvelope hola = WhapiExamples.textEnvelope(phone, "wamid.hola-" + phone, "Hola", RECEIVED);
    InboundEnvelope ayuda =
        WhapiExamples.textEnvelope(phone, "wamid.ayuda-" + phone, "ayuda", RECEIVED.plusSeconds(3));

    // when
    produce(List.of(hola, hola, ayuda), traceId);

    // then
    List<ConsumerRecord<String, OutboundMessage>> replies =
        readCommitted(Topics.OUTBOUND_MESSAGES, key, 2);
    // on the topic the content is sealed; opened with the member's key it is the menu
    assertThat(replies).allSatisfy(record -> {
      assertThat(record.value().content()).isNull();
      assertThat(record.value().sealedContent()).isNotNull();
    });
    assertThat(replies.stream().map(record -> opened(record.value())).toList())
        .isEqualTo(
            List.of(
                reply(phone, hola.messageId(), Menus.list(BotTexts.WELCOME), RECEIVED),
                reply(phone, ayuda.messageId(), Menus.list(BotTexts.HELP), RECEIVED.plusSeconds(3))));
    assertThat(replies.stream().map(record -> header(record, XofiHeaders.TRACE_ID)).toList())
        .isEqualTo(List.of(traceId, traceId));
    assertThat(meterRegistry.get("xofi.conversation.duplicates.dropped").counter().count())
        .isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void shouldIgnoreAMessageWhoseMemberWasForgottenAndAnswerTheirNextOne() {
    // given: a message sealed as the ingress seals it, then the member forgotten (their data key deleted)
    String phone = uniquePhone();
    String key = "wa:" + phone;
    InboundEnvelope before = ingressSealer().seal(WhapiExamples.textEnvelope(phone, "wamid.before-" + phone, "Hola", RECEIVED));
    memberDatabase.execute("DELETE FROM member_keys.member_data_key WHERE conversation_key = '" + key + "'");
    InboundEnvelope after =
        ingressSealer().seal(WhapiExamples.textEnvelope(phone, "wamid.after-" + phone, "ayuda", RECEIVED.plusSeconds(3)));

    // when
    produce(List.of(before, after), XofiHeaders.newTraceId());

    // then: no reply to the forgotten message, the next one answered
    List<ConsumerRecord<String, OutboundMessage>> replies = readCommitted(Topics.OUTBOUND_MESSAGES, key, 1);
    assertThat(replies.stream().map(record -> opened(record.value())).toList())
        .isEqualTo(List.of(reply(phone, after.messageId(), Menus.list(BotTexts.HELP), RECEIVED.plusSeconds(3))));
  }

  /** A sealer of another instance (the ingress): its own key cache, the same key set and database. */
  private static EnvelopeSealer ingressSealer() {
    org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
    dataSource.setUrl(memberDatabase.jdbcUrl());
    dataSource.setUser(memberDatabase.user());
    dataSource.setPassword(memberDatabase.password());
    MemberKeySchema.migrate(dataSource);
    return new EnvelopeSealer(new RecordSealer(new DataKeys(MasterKeys.fromJson(KEYSET), new JdbcMemberKeyStore(dataSource))));
  }

  private OutboundMessage opened(OutboundMessage reply) {
    return ((Unsealed.Readable<OutboundMessage>) sealer.open(reply)).value();
  }

  @Test
  void shouldReportUpWithKafkaStreamsMetricsOnceTheStreamsClientRuns() {
    // given
    // health details are for operators, on the management port
    WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
        .defaultHeaders(headers -> headers.setBasicAuth("ana", "clave-ana")).build();

    // when / then
    await()
        .atMost(KafkaTestBroker.patience())
        .untilAsserted(
            () ->
                client
                    .get()
                    .uri("/actuator/health")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("UP")
                    .jsonPath("$.components.kafkaStreams.details.state")
                    .isEqualTo("RUNNING"));
    assertThat(meterRegistry.getMeters())
        .anyMatch(meter -> meter.getId().getName().startsWith("kafka.stream."));
  }

  private static void produce(List<InboundEnvelope> envelopes, String traceId) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all");
    Topic<String, InboundEnvelope> topic = Topics.INBOUND_MESSAGES;
    try (KafkaProducer<String, InboundEnvelope> producer =
        new KafkaProducer<>(config, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      for (InboundEnvelope envelope : envelopes) {
        ProducerRecord<String, InboundEnvelope> record =
            new ProducerRecord<>(topic.name(), envelope.conversationKey(), envelope);
        XofiHeaders.stamp(record.headers(), topic, traceId);
        producer.send(record);
      }
      producer.flush();
    }
  }

  /** The first {@code count} committed records of {@code key} on {@code topic}, read from the start. */
  private static <V> List<ConsumerRecord<String, V>> readCommitted(
      Topic<String, V> topic, String key, int count) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, KafkaTestBroker.unique("conversation-it-reader"),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, V>> mine = new ArrayList<>();
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(config, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      consumer.subscribe(List.of(topic.name()));
      await()
          .atMost(KafkaTestBroker.patience())
          .untilAsserted(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                  if (key.equals(record.key())) {
                    mine.add(record);
                  }
                });
                assertThat(mine).hasSizeGreaterThanOrEqualTo(count);
              });
      // one more poll would reveal a duplicate reply committed right behind the expected ones
      consumer.poll(Duration.ofMillis(500)).forEach(record -> {
        if (key.equals(record.key())) {
          mine.add(record);
        }
      });
    }
    return mine;
  }

  private static OutboundMessage reply(String phone, String inboundId, OutboundContent content, Instant at) {
    return new OutboundMessage(
        inboundId + "#1",
        Channel.WHATSAPP,
        Provider.WHAPI,
        "wa:" + phone,
        phone,
        content,
        inboundId,
        at);
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String uniquePhone() {
    return "519" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
  }
}
