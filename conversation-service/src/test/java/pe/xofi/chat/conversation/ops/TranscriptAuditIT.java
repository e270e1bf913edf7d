package pe.xofi.chat.conversation.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pe.xofi.chat.membercrypto.MasterKeys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.xofi.chat.conversation.WhapiExamples;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.audit.AuditAction;
import pe.xofi.chat.schemas.audit.AuditEvent;
import pe.xofi.chat.schemas.audit.AuditOutcome;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.testsupport.KafkaTestBroker;
import pe.xofi.chat.testsupport.PostgresTestDatabase;

/** Every transcript view on the running service lands on {@code audit-events}, acknowledged before the answer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class TranscriptAuditIT {

  @TempDir static Path stateDir;

  static final PostgresTestDatabase memberDatabase = PostgresTestDatabase.create("transcript_audit_it");

  @DynamicPropertySource
  static void service(DynamicPropertyRegistry registry) {
    KafkaTestBroker.createRegistryTopics(Topics.DEFAULT_PARTITIONS, Topics.ALL);
    registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
    registry.add("spring.kafka.streams.application-id", () -> KafkaTestBroker.unique("transcript-audit-it"));
    registry.add("xofi.ops.projector.group-id", () -> KafkaTestBroker.unique("transcript-audit-it-projector"));
    registry.add("spring.kafka.streams.state-dir", () -> stateDir.toString());
    registry.add("XOFI_DB_URL", memberDatabase::url);
    registry.add("XOFI_DATA_KEYSET", MasterKeys::generateJson);
    registry.add("XOFI_DB_USER", memberDatabase::user);
    registry.add("XOFI_DB_PASSWORD", memberDatabase::password);
    BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    registry.add("xofi.staff.users", () -> "ana:operator:" + bcrypt.encode("clave-ana") + ",luis:agent:" + bcrypt.encode("clave-luis"));
  }

  @AfterAll
  static void dropMemberDatabase() {
    memberDatabase.drop();
  }

  @LocalServerPort int port;

  WebTestClient client;

  @BeforeEach
  void client() {
    client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(15)).build();
  }

  @Test
  void shouldRecordAnOperatorsViewOfAnUnknownPhoneAsNotFound() {
    // given
    String phone = uniquePhone();

    // when
    client.get().uri("/ops/conversations/{phone}", phone).headers(h -> h.setBasicAuth("ana", "clave-ana"))
        .exchange().expectStatus().isNotFound();

    // then: on the topic before the answer, so no wait is needed
    assertThat(withoutIdAndTime(auditOf("wa:" + phone, 1)))
        .isEqualTo(List.of(expected("ana", List.of("operator"), "wa:" + phone, AuditOutcome.NOT_FOUND)));
  }

  @Test
  void shouldRecordTheViewOfATranscriptThatWasServed() {
    // given: a member wrote, and the projector made a transcript of it
    String phone = uniquePhone();
    produce(WhapiExamples.textEnvelope(phone, "wamid.audit-" + phone, "Hola", Instant.parse("2026-11-24T10:15:30Z")));
    await().atMost(KafkaTestBroker.patience()).pollInterval(Duration.ofMillis(500)).until(() ->
        client.get().uri("/ops/conversations/{phone}", phone).headers(h -> h.setBasicAuth("ana", "clave-ana"))
            .exchange().returnResult(String.class).getStatus().value() == 200);

    // when
    int views = auditOf("wa:" + phone, 1).size();
    client.get().uri("/ops/conversations/{phone}", phone).headers(h -> h.setBasicAuth("ana", "clave-ana"))
        .exchange().expectStatus().isOk();

    // then: every poll was recorded (NOT_FOUND until the transcript existed), the two last as FOUND
    List<AuditEvent> audit = withoutIdAndTime(auditOf("wa:" + phone, views + 1));
    assertThat(audit.subList(audit.size() - 2, audit.size())).isEqualTo(List.of(
        expected("ana", List.of("operator"), "wa:" + phone, AuditOutcome.FOUND),
        expected("ana", List.of("operator"), "wa:" + phone, AuditOutcome.FOUND)));
    assertThat(audit).extracting(AuditEvent::outcome).doesNotContain(AuditOutcome.DENIED);
  }

  @Test
  void shouldRecordAnAgentsRefusedViewAsDenied() {
    // given
    String phone = uniquePhone();

    // when
    client.get().uri("/ops/conversations/{phone}", phone).headers(h -> h.setBasicAuth("luis", "clave-luis"))
        .exchange().expectStatus().isForbidden();

    // then
    assertThat(withoutIdAndTime(auditOf("wa:" + phone, 1)))
        .isEqualTo(List.of(expected("luis", List.of("agent"), "wa:" + phone, AuditOutcome.DENIED)));
  }

  private static AuditEvent expected(String actor, List<String> roles, String key, AuditOutcome outcome) {
    return new AuditEvent("-", Instant.EPOCH, actor, roles, AuditAction.TRANSCRIPT_VIEWED, key, outcome);
  }

  private static List<AuditEvent> withoutIdAndTime(List<AuditEvent> events) {
    return events.stream().map(e -> new AuditEvent("-", Instant.EPOCH, e.actor(), e.actorRoles(), e.action(),
        e.conversationKey(), e.outcome())).toList();
  }

  /** Every audit record of {@code key}, once there are at least {@code atLeast}. */
  private static List<AuditEvent> auditOf(String key, int atLeast) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, KafkaTestBroker.unique("audit-it-reader"),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<AuditEvent> mine = new ArrayList<>();
    try (KafkaConsumer<String, AuditEvent> consumer = new KafkaConsumer<>(
        config, Topics.AUDIT_EVENTS.keySerde().deserializer(), Topics.AUDIT_EVENTS.valueSerde().deserializer())) {
      consumer.subscribe(List.of(Topics.AUDIT_EVENTS.name()));
      await().atMost(KafkaTestBroker.patience()).untilAsserted(() -> {
        for (ConsumerRecord<String, AuditEvent> record : consumer.poll(Duration.ofMillis(200))) {
          if (key.equals(record.key())) {
            mine.add(record.value());
          }
        }
        assertThat(mine).hasSizeGreaterThanOrEqualTo(atLeast);
      });
      consumer.poll(Duration.ofMillis(500)).forEach(record -> {
        if (key.equals(record.key())) {
          mine.add(record.value());
        }
      });
    }
    return mine;
  }

  private static void produce(InboundEnvelope envelope) {
    Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
    try (KafkaProducer<String, InboundEnvelope> producer = new KafkaProducer<>(
        config, Topics.INBOUND_MESSAGES.keySerde().serializer(), Topics.INBOUND_MESSAGES.valueSerde().serializer())) {
      ProducerRecord<String, InboundEnvelope> record =
          new ProducerRecord<>(Topics.INBOUND_MESSAGES.name(), envelope.conversationKey(), envelope);
      XofiHeaders.stamp(record.headers(), Topics.INBOUND_MESSAGES, XofiHeaders.newTraceId());
      producer.send(record);
      producer.flush();
    }
  }

  private static String uniquePhone() {
    return "519" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
  }
}
