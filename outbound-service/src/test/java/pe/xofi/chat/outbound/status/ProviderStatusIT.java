package pe.xofi.chat.outbound.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pe.xofi.chat.outbound.support.FixedClock.NOW;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pe.xofi.chat.outbound.dedupe.SentLedger;
import pe.xofi.chat.outbound.dedupe.SentReply;
import pe.xofi.chat.outbound.support.DeadLetterReader;
import pe.xofi.chat.outbound.support.FixedClock;
import pe.xofi.chat.outbound.support.InProcessSandbox;
import pe.xofi.chat.outbound.support.OutboundTestContext;
import pe.xofi.chat.outbound.support.Replies;
import pe.xofi.chat.outbound.support.TopicReader;
import pe.xofi.chat.schemas.DeadLetterHeaders;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.delivery.DeliveryEvent;
import pe.xofi.chat.schemas.delivery.DeliveryStatus;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import pe.xofi.chat.schemas.status.ProviderStatus;
import pe.xofi.chat.testsupport.KafkaTestBroker;
import pe.xofi.chat.testsupport.PostgresTestDatabase;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replies sent through the real WHAPI sandbox, then WHAPI status callbacks on {@code provider-statuses}:
 * one delivery event per new status of a sent reply, none for repeats or unknown messages, and
 * overdue replies counted once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
@Import(FixedClock.class)
class ProviderStatusIT {

  static final InProcessSandbox SANDBOX = InProcessSandbox.shared();
  static final String GROUP = KafkaTestBroker.unique("provider-status-it");
  static final String STATUS_GROUP = GROUP + "-statuses";
  static final PostgresTestDatabase DB = PostgresTestDatabase.create("provider_status_it");
  static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void kafkaAndWhapi(DynamicPropertyRegistry registry) {
    OutboundTestContext.register(registry, GROUP, DB);
    registry.add("xofi.outbound.delivery.group-id", () -> STATUS_GROUP);
    registry.add("xofi.outbound.delivery.overdue-after", () -> "1s");
    registry.add("xofi.outbound.delivery.check-period", () -> "200ms");
    registry.add("xofi.outbound.whapi.base-url", SANDBOX::baseUrl);
    registry.add("xofi.outbound.whapi.token", () -> InProcessSandbox.TOKEN);
  }

  @Autowired MeterRegistry meters;
  @Autowired SentLedger ledger;

  @AfterAll
  static void dropDatabase() {
    DB.drop();
  }

  @BeforeEach
  void listenersReady() {
    Replies.awaitListenerReady(GROUP);
    Replies.awaitListenerReady(STATUS_GROUP, Topics.PROVIDER_STATUSES);
  }

  @Test
  void shouldRecordDeliveredThenReadOfASentReply() {
    try (TopicReader<DeliveryEvent> events = new TopicReader<>(Topics.DELIVERY_EVENTS)) {
      // given
      OutboundMessage reply = Replies.text(Replies.uniquePhone(), "Tu pago fue registrado.");
      String providerId = sent(reply, events);
      // when
      Replies.produce(Topics.PROVIDER_STATUSES, reply.conversationKey(), status(reply, providerId, "delivered"),
          "trace-status-1");
      Replies.produce(Topics.PROVIDER_STATUSES, reply.conversationKey(), status(reply, providerId, "read"),
          "trace-status-2");
      // then
      List<ConsumerRecord<String, DeliveryEvent>> records = events.awaitAtLeast(3, reply.conversationKey());
      assertThat(records.subList(1, records.size())).extracting(ConsumerRecord::value).containsExactly(
          event(reply, providerId, DeliveryStatus.DELIVERED, null),
          event(reply, providerId, DeliveryStatus.READ, null));
      assertThat(records.subList(1, 3)).extracting(r -> header(r, XofiHeaders.TRACE_ID))
          .containsExactly("trace-status-1", "trace-status-2");
    }
  }

  @Test
  void shouldWriteOneEventPerStatusAndNoneForUnknownMessages() {
    try (TopicReader<DeliveryEvent> events = new TopicReader<>(Topics.DELIVERY_EVENTS)) {
      // given
      OutboundMessage reply = Replies.text(Replies.uniquePhone(), "Tu deuda total es S/ 100.00");
      String providerId = sent(reply, events);
      List<Double> before = List.of(statuses("unknown_message"), statuses("duplicate"), statuses("ignored"));
      // when: an echo of a message the bot did not send, every status twice, then a failure (one key, in order)
      Replies.produce(Topics.PROVIDER_STATUSES, reply.conversationKey(),
          status(reply, "p.not-sent-by-the-bot", "delivered"), "trace-unknown");
      for (String word : List.of("pending", "delivered", "delivered", "read", "read")) {
        Replies.produce(Topics.PROVIDER_STATUSES, reply.conversationKey(), status(reply, providerId, word), "t");
      }
      ProviderStatus failed = new ProviderStatus(Provider.WHAPI, reply.conversationKey(), providerId, "failed",
          NOW, null, JSON.readTree("""
              {"id":"%s","status":"failed","errors":[{"code":470,"message":"outside the 24-hour window"}]}"""
              .formatted(providerId)));
      Replies.produce(Topics.PROVIDER_STATUSES, reply.conversationKey(), failed, "t");
      // then
      List<ConsumerRecord<String, DeliveryEvent>> records = events.awaitAtLeast(4, reply.conversationKey());
      assertThat(records.subList(1, records.size())).extracting(ConsumerRecord::value).containsExactly(
          event(reply, providerId, DeliveryStatus.DELIVERED, null),
          event(reply, providerId, DeliveryStatus.READ, null),
          event(reply, providerId, DeliveryStatus.FAILED, "470 outside the 24-hour window"));
      assertThat(List.of(statuses("unknown_message"), statuses("duplicate"), statuses("ignored")))
          .containsExactly(before.get(0) + 1, before.get(1) + 2, before.get(2) + 1);
    }
  }

  @Test
  void shouldIgnoreAStatusOfASentReplyThatNamesAnotherConversation() {
    try (TopicReader<DeliveryEvent> events = new TopicReader<>(Topics.DELIVERY_EVENTS)) {
      // given: a reply sent to one member (security review L4: statuses matched by provider id alone)
      OutboundMessage reply = Replies.text(Replies.uniquePhone(), "Tu ticket fue creado.");
      String providerId = sent(reply, events);
      String otherKey = ConversationKey.whatsapp(Replies.uniquePhone()).toString();
      ProviderStatus forged = new ProviderStatus(Provider.WHAPI, otherKey, providerId, "failed", NOW, null,
          JSON.readTree("""
              {"id":"%s","status":"failed"}""".formatted(providerId)));
      // when: a forged "failed" from another number, then the genuine "delivered" (keyed like the reply, in order)
      Replies.produce(Topics.PROVIDER_STATUSES, reply.conversationKey(), forged, "trace-forged");
      Replies.produce(Topics.PROVIDER_STATUSES, reply.conversationKey(), status(reply, providerId, "delivered"), "t");
      // then
      List<ConsumerRecord<String, DeliveryEvent>> records = events.awaitAtLeast(2, reply.conversationKey());
      assertThat(records.subList(1, records.size())).extracting(ConsumerRecord::value)
          .containsExactly(event(reply, providerId, DeliveryStatus.DELIVERED, null));
    }
  }

  @Test
  void shouldDeadLetterAStatusItCannotReadAndReconcileTheNextOne() {
    try (TopicReader<DeliveryEvent> events = new TopicReader<>(Topics.DELIVERY_EVENTS)) {
      // given
      OutboundMessage reply = Replies.text(Replies.uniquePhone(), "Tu ticket fue creado.");
      String providerId = sent(reply, events);
      byte[] poison = "{\"status\": [\"not\", \"a status\"".getBytes(StandardCharsets.UTF_8);
      // when
      RecordMetadata source = DeadLetterReader.produceBytes(Topics.PROVIDER_STATUSES, reply.conversationKey(), poison);
      Replies.produce(Topics.PROVIDER_STATUSES, reply.conversationKey(), status(reply, providerId, "delivered"), "t");
      // then
      ConsumerRecord<String, byte[]> letter =
          DeadLetterReader.awaitLetters(Topics.PROVIDER_STATUSES_DLT, reply.conversationKey(), 1).getFirst();
      assertThat(letter.value()).isEqualTo(poison);
      assertThat(Map.of(
          "topic", DeadLetterReader.header(letter, DeadLetterHeaders.SOURCE_TOPIC),
          "partition", DeadLetterReader.header(letter, DeadLetterHeaders.SOURCE_PARTITION),
          "offset", DeadLetterReader.header(letter, DeadLetterHeaders.SOURCE_OFFSET),
          "group", DeadLetterReader.header(letter, DeadLetterHeaders.CONSUMER_GROUP)))
          .isEqualTo(Map.of("topic", Topics.PROVIDER_STATUSES.name(), "partition", Integer.toString(source.partition()),
              "offset", Long.toString(source.offset()), "group", STATUS_GROUP));
      assertThat(DeadLetterReader.header(letter, DeadLetterHeaders.EXCEPTION)).startsWith("tools.jackson.");
      assertThat(DeadLetterReader.header(letter, DeadLetterHeaders.ERROR)).startsWith("not a valid ProviderStatus");
      assertThat(events.awaitAtLeast(2, reply.conversationKey()).get(1).value())
          .isEqualTo(event(reply, providerId, DeliveryStatus.DELIVERED, null));
    }
  }

  @Test
  void shouldCountAReplyWithNoDeliveredStatusOnceAsOverdue() {
    // given: two replies sent ten minutes ago, one of them delivered since
    String key = ConversationKey.whatsapp(Replies.uniquePhone()).toString();
    // the delivered one in one statement, so the running check never sees it undelivered
    DB.execute("""
        INSERT INTO outbound.sent_message (reply_id, conversation_key, provider, provider_message_id, sent_at, delivered_at)
        VALUES ('p.overdue-2#1', '%s', 'WHAPI', 'p.sent-overdue-2', '%s', '%s')"""
        .formatted(key, NOW.minusSeconds(600), NOW.minusSeconds(590)));
    ledger.record(new SentReply("p.overdue-1#1", key, Provider.WHAPI, "p.sent-overdue-1", NOW.minusSeconds(600)));
    // when: the check runs every 200 ms
    // then
    await().atMost(KafkaTestBroker.patience()).until(() -> overdue() == 1.0);
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> overdue() == 1.0);
  }

  private String sent(OutboundMessage reply, TopicReader<DeliveryEvent> events) {
    Replies.produce(reply, "trace-" + reply.id());
    return events.awaitAtLeast(1, reply.conversationKey()).getFirst().value().providerMessageId();
  }

  private static ProviderStatus status(OutboundMessage reply, String providerId, String word) {
    return new ProviderStatus(Provider.WHAPI, reply.conversationKey(), providerId, word, NOW, null,
        JSON.readTree("""
            {"id":"%s","status":"%s","recipient_id":"%s@s.whatsapp.net"}""".formatted(providerId, word,
            reply.recipient())));
  }

  private static DeliveryEvent event(OutboundMessage reply, String providerId, DeliveryStatus status, String error) {
    return new DeliveryEvent(reply.id(), reply.conversationKey(), Provider.WHAPI, providerId, status, error, null, 0,
        null, null, NOW);
  }

  private double statuses(String outcome) {
    var counter = meters.find(StatusMetrics.STATUSES).tags("provider", "whapi", "outcome", outcome).counter();
    return counter == null ? 0.0 : counter.count();
  }

  private double overdue() {
    var counter = meters.find(StatusMetrics.OVERDUE).tags("provider", "whapi").counter();
    return counter == null ? 0.0 : counter.count();
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
