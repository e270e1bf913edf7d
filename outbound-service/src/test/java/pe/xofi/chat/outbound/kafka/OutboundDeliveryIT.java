package pe.xofi.chat.outbound.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pe.xofi.chat.outbound.support.FixedClock.NOW;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pe.xofi.chat.outbound.support.FixedClock;
import pe.xofi.chat.outbound.support.InProcessSandbox;
import pe.xofi.chat.outbound.support.Replies;
import pe.xofi.chat.outbound.support.TopicReader;
import pe.xofi.chat.membercrypto.DataKeys;
import pe.xofi.chat.membercrypto.EnvelopeSealer;
import pe.xofi.chat.membercrypto.JdbcMemberKeyStore;
import pe.xofi.chat.membercrypto.MasterKeys;
import pe.xofi.chat.membercrypto.MemberKeySchema;
import pe.xofi.chat.membercrypto.RecordSealer;
import pe.xofi.chat.outbound.support.LedgerDatabase;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.delivery.DeliveryEvent;
import pe.xofi.chat.schemas.delivery.DeliveryStatus;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import pe.xofi.chat.testsupport.KafkaTestBroker;
import pe.xofi.chat.testsupport.PostgresTestDatabase;
import pe.xofi.chat.outbound.support.OutboundTestContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A reply goes from {@code outbound-messages} through the real WHAPI sandbox to a SENT event. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
@Import(FixedClock.class)
class OutboundDeliveryIT {

  static final InProcessSandbox SANDBOX = InProcessSandbox.shared();
  static final String GROUP = KafkaTestBroker.unique("outbound-delivery-it");
  static final PostgresTestDatabase DB = PostgresTestDatabase.create("outbound_delivery_it");

  @DynamicPropertySource
  static void kafkaAndWhapi(DynamicPropertyRegistry registry) {
    OutboundTestContext.register(registry, GROUP, DB);
    registry.add("xofi.outbound.whapi.base-url", SANDBOX::baseUrl);
    registry.add("xofi.outbound.whapi.token", () -> InProcessSandbox.TOKEN);
  }

  @Autowired MeterRegistry meters;

  @AfterAll
  static void dropDatabase() {
    DB.drop();
  }

  @BeforeEach
  void listenerReady() {
    Replies.awaitListenerReady(GROUP);
  }

  @Test
  void shouldSendReplyThroughWhapiAndRecordExactlyOneSentEvent() {
    // given
    String phone = Replies.uniquePhone();
    String text = "*¡Hola, María!*\nTu deuda total es S/ 1,250.50";
    OutboundMessage reply = Replies.text(phone, text);
    // when
    Replies.produce(reply, "trace-delivery-" + phone);
    // then
    await().atMost(KafkaTestBroker.patience()).until(() -> !SANDBOX.outbox(phone).isEmpty());
    JsonNode outbox = SANDBOX.outbox(phone);
    String providerId = outbox.get(0).get("id").asString();
    long timestamp = outbox.get(0).get("timestamp").asLong();
    JsonMapper json = JsonMapper.builder().build();
    assertThat(outbox).isEqualTo(json.readTree("""
        [{"id":"%s","direction":"outbound","chat":"%s","to":"%s","type":"text","body":%s,
          "timestamp":%d,"request":{"to":"%s","body":%s}}]"""
        .formatted(providerId, phone, phone, json.writeValueAsString(text), timestamp, phone,
            json.writeValueAsString(text))));

    try (TopicReader<DeliveryEvent> events = new TopicReader<>(Topics.DELIVERY_EVENTS)) {
      List<ConsumerRecord<String, DeliveryEvent>> records = events.awaitAtLeast(1, reply.conversationKey());
      assertThat(records).extracting(ConsumerRecord::value).containsExactly(new DeliveryEvent(
          reply.id(), reply.conversationKey(), Provider.WHAPI, providerId, DeliveryStatus.SENT, null, 201,
          1, NOW, NOW, NOW));
      assertThat(header(records.getFirst(), XofiHeaders.TRACE_ID)).isEqualTo("trace-delivery-" + phone);
      assertThat(header(records.getFirst(), XofiHeaders.SCHEMA_VERSION)).isEqualTo("1");
    }
    assertThat(meters.get("xofi.outbound.sends")
        .tags("provider", "whapi", "outcome", "sent", "status", "201").counter().count()).isEqualTo(1.0);
    assertThat(meters.get("xofi.outbound.send.latency")
        .tags("provider", "whapi", "outcome", "sent").timer().count()).isEqualTo(1L);
    // the fixed clock answers 5 s after the reply's created-at (the inbound webhook's received-at)
    assertThat(meters.get("xofi.outbound.end.to.end").tags("provider", "whapi").timer()
        .totalTime(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(5.0);
  }

  @Test
  void shouldSendASealedReplysOpenedTextWhileTheTopicHoldsOnlyCiphertext() {
    // given: a statement sealed as the engine seals it
    String phone = Replies.uniquePhone();
    String text = "Ana, tu DNI 12345678 (1990): deuda S/ 1,250.50";
    OutboundMessage sealed = sealer().seal(Replies.text(phone, text));

    // when
    Replies.produce(sealed, "trace-sealed-" + phone);

    // then: the provider gets the text; the record on the topic never held it
    await().atMost(KafkaTestBroker.patience()).until(() -> !SANDBOX.outbox(phone).isEmpty());
    assertThat(SANDBOX.outbox(phone).get(0).get("body").asString()).isEqualTo(text);
    String wire = new String(Topics.OUTBOUND_MESSAGES.valueSerde().serializer().serialize("t", sealed), StandardCharsets.UTF_8);
    assertThat(wire).doesNotContain("12345678", "1990", "Ana", "1,250");
  }

  @Test
  void shouldNotSendAReplyOfAForgottenMemberAndRecordItFailedAsForgotten() {
    // given: a sealed reply whose member is then forgotten (their data key deleted)
    String phone = Replies.uniquePhone();
    OutboundMessage sealed = sealer().seal(Replies.text(phone, "Tu saldo es S/ 10.00"));
    DB.execute("DELETE FROM member_keys.member_data_key WHERE conversation_key = '" + sealed.conversationKey() + "'");

    // when
    Replies.produce(sealed, "trace-forgotten-" + phone);

    // then
    try (TopicReader<DeliveryEvent> events = new TopicReader<>(Topics.DELIVERY_EVENTS)) {
      List<ConsumerRecord<String, DeliveryEvent>> records = events.awaitAtLeast(1, sealed.conversationKey());
      assertThat(records).extracting(ConsumerRecord::value).containsExactly(new DeliveryEvent(
          sealed.id(), sealed.conversationKey(), Provider.WHAPI, null, DeliveryStatus.FAILED, "forgotten", null,
          0, null, null, NOW));
    }
    assertThat(SANDBOX.outbox(phone)).isEmpty();
  }

  /** A sealer of another instance (the engine): the same key set and database, its own key cache. */
  private static EnvelopeSealer sealer() {
    org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
    dataSource.setUrl(DB.jdbcUrl());
    dataSource.setUser(DB.user());
    dataSource.setPassword(DB.password());
    MemberKeySchema.migrate(dataSource);
    return new EnvelopeSealer(new RecordSealer(new DataKeys(
        MasterKeys.fromJson(LedgerDatabase.DATA_KEYSET), new JdbcMemberKeyStore(dataSource))));
  }

  static String header(ConsumerRecord<?, ?> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
