package pe.xofi.chat.outbound.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pe.xofi.chat.outbound.kafka.OutboundDeliveryIT.header;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pe.xofi.chat.outbound.support.Arrivals;
import pe.xofi.chat.outbound.support.Backlog;
import pe.xofi.chat.outbound.support.InProcessSandbox;
import pe.xofi.chat.outbound.support.OutboundTestContext;
import pe.xofi.chat.outbound.support.Replies;
import pe.xofi.chat.outbound.support.Sizes;
import pe.xofi.chat.outbound.support.TopicReader;
import pe.xofi.chat.schemas.DeadLetterHeaders;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import pe.xofi.chat.testsupport.KafkaTestBroker;
import pe.xofi.chat.testsupport.PostgresTestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * The outbound service under a provider's limits, against the sandbox's fault knobs: its own rate
 * limit, a 429 storm, an outage, a permanent refusal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
class OutboundLimitsIT {

  private static final Logger log = LoggerFactory.getLogger(OutboundLimitsIT.class);

  static final String GROUP = KafkaTestBroker.unique("outbound-limits-it");
  static final PostgresTestDatabase DB = PostgresTestDatabase.create("outbound_limits_it");
  static final InProcessSandbox SANDBOX = InProcessSandbox.shared();

  @DynamicPropertySource
  static void kafkaAndWhapi(DynamicPropertyRegistry registry) {
    OutboundTestContext.register(registry, GROUP, DB);
    registry.add("xofi.outbound.whapi.base-url", SANDBOX::baseUrl);
    registry.add("xofi.outbound.whapi.token", () -> InProcessSandbox.TOKEN);
    // 0.3 + 0.6 + 1.2 + 2.4 + 4.8 + 9.6 + 10 s ... : longer than the outage, short enough for a test
    registry.add("xofi.outbound.retry.max-attempts", () -> Sizes.LONG ? "12" : "8");
    registry.add("xofi.outbound.retry.initial-interval", () -> "300ms");
    registry.add("xofi.outbound.retry.max-interval", () -> Sizes.LONG ? "10s" : "4s");
    registry.add("xofi.outbound.retry.jitter", () -> "0ms");
  }

  @AfterAll
  static void dropDatabase() {
    DB.drop();
  }

  @BeforeEach
  void listenerReady() {
    Replies.awaitListenerReady(GROUP);
  }

  @AfterEach
  void clearFaults() {
    SANDBOX.clearFaults();
  }

  /**
   * Figure 5 of {@code ./xofi bench}, judged by the sandbox's arrival times: no sliding 1-s window
   * over the limit, and the mean at least 90 % of it. The bench judges the 95 % goal on an idle
   * machine (19.9–20.1/s here); this test runs beside the rest of the build, where load costs up to
   * 2/s, and 18/s still fails a window that paces a round trip too many (17.2/s, permit before token).
   */
  @Test
  void shouldKeepEverySlidingSecondWithinTheProvidersLimitAtNearlyTheFullRate() {
    // given
    SANDBOX.faults("{'rateLimit':20}");
    // when
    Backlog backlog = Backlog.produce(Sizes.BACKLOG_MEMBERS, 10);
    backlog.awaitReceived(SANDBOX, Duration.ofSeconds(backlog.size() / 19 + 60));
    // then
    Arrivals arrivals = Arrivals.ofReceipts(SANDBOX.receipts(), backlog.replies().keySet());
    long refused = SANDBOX.faultReport().get("rateLimited").asLong();
    int maxInASecond = arrivals.maxInAnyWindow(1000);
    log.info("rate conformance: {} replies, max {} in any 1-s window, mean {} msg/s against a limit of 20, {} answered 429",
        arrivals.count(), maxInASecond, String.format("%.2f", arrivals.meanPerSecond()), refused);
    assertThat(arrivals.count()).isEqualTo(backlog.size());
    assertThat(maxInASecond).isLessThanOrEqualTo(20);
    assertThat(arrivals.meanPerSecond()).isGreaterThanOrEqualTo(18.0);
    assertThat(refused).isZero();
    assertThat(backlog.received(SANDBOX)).isEqualTo(backlog.expected());
  }

  @Test
  void shouldDeliverEveryReplyOnceAndInOrderThroughA429Storm() {
    // given
    SANDBOX.faults("{'next':15,'status':429,'retryAfterSeconds':1}");
    // when
    Backlog backlog = Backlog.produce(5, 6);
    // then
    backlog.awaitReceived(SANDBOX, Duration.ofSeconds(60));
    assertThat(SANDBOX.faultReport().get("faulted").asLong()).isEqualTo(15);
    assertThat(backlog.received(SANDBOX)).isEqualTo(backlog.expected());
  }

  @Test
  void shouldBackOffExponentiallyOnA429WithoutRetryAfter() {
    // given
    SANDBOX.faults("{'next':10,'status':429}");
    // when
    Backlog backlog = Backlog.produce(3, 4);
    // then
    backlog.awaitReceived(SANDBOX, Duration.ofSeconds(60));
    assertThat(backlog.received(SANDBOX)).isEqualTo(backlog.expected());
  }

  @Test
  void shouldDeliverEveryReplyOnceAndInOrderAfterAProviderOutage() {
    // given
    SANDBOX.faults("{'forSeconds':" + Sizes.OUTAGE.toSeconds() + ",'status':500}");
    // when
    Backlog backlog = Backlog.produce(5, 4);
    // then
    backlog.awaitReceived(SANDBOX, Sizes.OUTAGE.plusSeconds(60));
    assertThat(backlog.received(SANDBOX)).isEqualTo(backlog.expected());
  }

  @Test
  void shouldDeadLetterAPermanentRefusalWithItsHeadersAndMoveOn() {
    // given
    SANDBOX.faults("{'next':1,'status':400}");
    String phone = Replies.uniquePhone();
    OutboundMessage refused = Replies.text(phone, "Primera");
    OutboundMessage next = Replies.text(phone, "Segunda");
    // when
    Replies.produce(refused, "trace-refused");
    Replies.produce(next, "trace-next");
    // then
    try (TopicReader<OutboundMessage> dlt = new TopicReader<>(Topics.OUTBOUND_MESSAGES_DLT)) {
      ConsumerRecord<String, OutboundMessage> dead = dlt.awaitAtLeast(1, refused.conversationKey()).getFirst();
      assertThat(dead.value()).isEqualTo(refused);
      String first = header(dead, DeadLetterHeaders.FIRST_ATTEMPT_AT);
      assertThat(Map.of(
              "error", header(dead, DeadLetterHeaders.ERROR),
              "status", header(dead, DeadLetterHeaders.STATUS_CODE),
              "attempts", header(dead, DeadLetterHeaders.ATTEMPTS),
              "last", header(dead, DeadLetterHeaders.LAST_ATTEMPT_AT)))
          .isEqualTo(Map.of("error", "WHAPI answered 400", "status", "400", "attempts", "1", "last", first));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> SANDBOX.outbox(phone).size() == 1);
    assertThat(SANDBOX.outbox(phone).get(0).get("body").asString()).isEqualTo("Segunda");
  }
}
