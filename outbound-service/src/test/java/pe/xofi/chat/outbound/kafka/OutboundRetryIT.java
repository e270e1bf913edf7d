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
import pe.xofi.chat.outbound.send.TransientSendFailure;
import pe.xofi.chat.outbound.support.FixedClock;
import pe.xofi.chat.outbound.support.Replies;
import pe.xofi.chat.outbound.support.TopicReader;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.delivery.DeliveryEvent;
import pe.xofi.chat.schemas.delivery.DeliveryStatus;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import pe.xofi.chat.testsupport.KafkaTestBroker;
import pe.xofi.chat.testsupport.PostgresTestDatabase;
import pe.xofi.chat.outbound.support.OutboundTestContext;

/** WHAPI cannot be reached: bounded retries in the partition, then DEAD_LETTERED and the DLT. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
@Import(FixedClock.class)
class OutboundRetryIT {

  static final String GROUP = KafkaTestBroker.unique("outbound-retry-it");
  static final PostgresTestDatabase DB = PostgresTestDatabase.create("outbound_retry_it");

  @DynamicPropertySource
  static void kafkaAndWhapi(DynamicPropertyRegistry registry) {
    OutboundTestContext.register(registry, GROUP, DB);
    registry.add("xofi.outbound.whapi.base-url", () -> "http://localhost:" + Replies.closedPort());
    registry.add("xofi.outbound.whapi.token", () -> "any-token");
    registry.add("xofi.outbound.retry.max-attempts", () -> "3");
    registry.add("xofi.outbound.retry.initial-interval", () -> "50ms");
    registry.add("xofi.outbound.retry.max-interval", () -> "200ms");
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
  void shouldRetryUnreachableWhapiThenDeadLetterAfterLastAttempt() {
    // given
    String phone = Replies.uniquePhone();
    OutboundMessage reply = Replies.text(phone, "Tu cuota vence el 15/02/2025.");
    // when
    Replies.produce(reply, "trace-retry-" + phone);
    // then
    try (TopicReader<OutboundMessage> dlt = new TopicReader<>(Topics.OUTBOUND_MESSAGES_DLT);
        TopicReader<DeliveryEvent> events = new TopicReader<>(Topics.DELIVERY_EVENTS)) {
      List<ConsumerRecord<String, DeliveryEvent>> records = events.awaitAtLeast(3, reply.conversationKey());
      String error = records.getFirst().value().error();
      assertThat(error).startsWith("WHAPI unreachable: ");
      assertThat(records).extracting(ConsumerRecord::value).containsExactly(
          event(reply, DeliveryStatus.RETRYING, error, 1),
          event(reply, DeliveryStatus.RETRYING, error, 2),
          event(reply, DeliveryStatus.DEAD_LETTERED, error, 3));

      List<ConsumerRecord<String, OutboundMessage>> dead = dlt.awaitAtLeast(1, reply.conversationKey());
      assertThat(dead).extracting(ConsumerRecord::value).containsExactly(reply);
      assertThat(header(dead.getFirst(), KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
          .isEqualTo(TransientSendFailure.class.getName());
    }
  }

  private static DeliveryEvent event(OutboundMessage reply, DeliveryStatus status, String error, int attempts) {
    return new DeliveryEvent(reply.id(), reply.conversationKey(), Provider.WHAPI, null, status, error, null,
        attempts, NOW, NOW, NOW);
  }
}
