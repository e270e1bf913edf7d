package pe.xofi.chat.outbound.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.xofi.chat.outbound.kafka.OutboundDeliveryIT.header;
import static pe.xofi.chat.outbound.support.FixedClock.NOW;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pe.xofi.chat.outbound.send.PermanentSendFailure;
import pe.xofi.chat.outbound.support.FixedClock;
import pe.xofi.chat.outbound.support.InProcessSandbox;
import pe.xofi.chat.outbound.support.Replies;
import pe.xofi.chat.outbound.support.TopicReader;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.delivery.DeliveryEvent;
import pe.xofi.chat.schemas.delivery.DeliveryStatus;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import pe.xofi.chat.testsupport.KafkaTestBroker;
import pe.xofi.chat.testsupport.PostgresTestDatabase;
import pe.xofi.chat.outbound.support.OutboundTestContext;

/** WHAPI refuses the token: one FAILED event, the reply on the DLT, no retries. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
@Import(FixedClock.class)
class OutboundRejectedIT {

  static final InProcessSandbox SANDBOX = InProcessSandbox.shared();
  static final String GROUP = KafkaTestBroker.unique("outbound-rejected-it");
  static final PostgresTestDatabase DB = PostgresTestDatabase.create("outbound_rejected_it");

  @DynamicPropertySource
  static void kafkaAndWhapi(DynamicPropertyRegistry registry) {
    OutboundTestContext.register(registry, GROUP, DB);
    registry.add("xofi.outbound.whapi.base-url", SANDBOX::baseUrl);
    registry.add("xofi.outbound.whapi.token", () -> "wrong-token");
  }

  @AfterAll
  static void dropDatabase() {
    DB.drop();
  }

  @BeforeEach
  void listenerReady() {
    Replies.awaitListenerReady(GROUP);
  }

  @Test
  void shouldRecordFailedAndDeadLetterReplyWithoutRetryingWhenWhapiRefusesToken() {
    // given
    String phone = Replies.uniquePhone();
    OutboundMessage reply = Replies.text(phone, "Tu ticket TK-000042 fue registrado.");
    // when
    Replies.produce(reply, "trace-rejected-" + phone);
    // then
    try (TopicReader<OutboundMessage> dlt = new TopicReader<>(Topics.OUTBOUND_MESSAGES_DLT);
        TopicReader<DeliveryEvent> events = new TopicReader<>(Topics.DELIVERY_EVENTS)) {
      List<ConsumerRecord<String, OutboundMessage>> dead = dlt.awaitAtLeast(1, reply.conversationKey());
      assertThat(dead).extracting(ConsumerRecord::value).containsExactly(reply);
      assertThat(header(dead.getFirst(), XofiHeaders.TRACE_ID)).isEqualTo("trace-rejected-" + phone);
      assertThat(header(dead.getFirst(), KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
          .isEqualTo(PermanentSendFailure.class.getName());
      assertThat(header(dead.getFirst(), KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.OUTBOUND_MESSAGES.name());

      List<ConsumerRecord<String, DeliveryEvent>> records = events.awaitAtLeast(1, reply.conversationKey());
      assertThat(records).extracting(ConsumerRecord::value).containsExactly(new DeliveryEvent(
          reply.id(), reply.conversationKey(), Provider.WHAPI, null, DeliveryStatus.FAILED,
          "Need channel authorization", 401, 1, NOW, NOW, NOW));
      assertThat(header(records.getFirst(), XofiHeaders.TRACE_ID)).isEqualTo("trace-rejected-" + phone);
    }
    assertThat(SANDBOX.outbox(phone)).isEmpty();
  }
}
