package pe.xofi.chat.outbound.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import pe.xofi.chat.outbound.support.LongIds;
import pe.xofi.chat.outbound.support.OutboundTestContext;
import pe.xofi.chat.outbound.support.Replies;
import pe.xofi.chat.outbound.support.TopicReader;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.delivery.DeliveryEvent;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import pe.xofi.chat.testsupport.KafkaTestBroker;
import pe.xofi.chat.testsupport.PostgresTestDatabase;

/**
 * The sent-reply ledger keyed by conversation, end to end through the real broker, the WHAPI sandbox
 * and PostgreSQL: a reply id another conversation claimed first is still sent (security review H3,
 * attack a), and a reply id of any length is recorded, so its redelivery is not sent again (M7).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
@Import(FixedClock.class)
class ScopedLedgerIT {

  static final InProcessSandbox SANDBOX = InProcessSandbox.shared();
  static final String GROUP = KafkaTestBroker.unique("outbound-scoped-ledger-it");
  static final PostgresTestDatabase DB = PostgresTestDatabase.create("outbound_scoped_ledger_it");

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
  void shouldSendAMembersReplyWhoseIdAnotherConversationClaimedFirst() {
    // given: a forged webhook from another number carried the member's next (sequential) update id,
    // and the bot's answer to it was sent and recorded (the SENT event follows the ledger's record)
    String attacker = Replies.uniquePhone();
    String member = Replies.uniquePhone();
    String preClaimed = "tg-update-" + UUID.randomUUID();
    OutboundMessage forged = reply(attacker, preClaimed, "Hola, ¿en qué te ayudo?");
    try (TopicReader<DeliveryEvent> events = new TopicReader<>(Topics.DELIVERY_EVENTS)) {
      Replies.produce(forged, "trace-forged");
      events.awaitAtLeast(1, forged.conversationKey());
    }

    // when: the member's own message with that id is answered
    Replies.produce(reply(member, preClaimed, "Bienvenido, María"), "trace-member");

    // then
    await().atMost(KafkaTestBroker.patience()).until(() -> !SANDBOX.outbox(member).isEmpty());
    assertThat(bodies(member)).isEqualTo(List.of("Bienvenido, María"));
  }

  @Test
  void shouldSendAReplyWithAnIdLongerThanAnIndexEntryOnceWhenItIsRedelivered() {
    // given: a reply id past PostgreSQL's btree limit of about 2.7 KB, incompressible
    String phone = Replies.uniquePhone();
    OutboundMessage reply = reply(phone, "p." + LongIds.randomText(7_000), "Tu pago fue registrado.");
    double skipped = duplicatesSkipped();
    Replies.produce(reply, "trace-long-1");
    await().atMost(KafkaTestBroker.patience()).until(() -> !SANDBOX.outbox(phone).isEmpty());

    // when
    Replies.produce(reply, "trace-long-2");

    // then
    await().atMost(KafkaTestBroker.patience()).until(() -> duplicatesSkipped() == skipped + 1);
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
        .until(() -> bodies(phone).equals(List.of("Tu pago fue registrado.")));
  }

  /** The engine's first reply to inbound message {@code inboundId} from {@code phone}. */
  private static OutboundMessage reply(String phone, String inboundId, String text) {
    return new OutboundMessage(OutboundMessage.replyId(inboundId, 1), Channel.WHATSAPP, Provider.WHAPI,
        ConversationKey.whatsapp(phone).toString(), phone, new OutboundContent.Text(text), inboundId, Replies.CREATED_AT);
  }

  /** The texts the sandbox received for {@code phone}, in order. */
  private static List<String> bodies(String phone) {
    List<String> bodies = new ArrayList<>();
    SANDBOX.outbox(phone).forEach(message -> bodies.add(message.get("body").asString()));
    return bodies;
  }

  private double duplicatesSkipped() {
    var counter = meters.find("xofi.outbound.duplicates.skipped").tags("provider", "whapi").counter();
    return counter == null ? 0.0 : counter.count();
  }
}
