package pe.xofi.chat.ingress.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.xofi.chat.ingress.it.TopicTail.Received;
import pe.xofi.chat.ingress.webhook.whapi.WhatsAppWebhookController;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.testsupport.KafkaTestBroker;

/**
 * The permanent refusals of security review M7 and H7 on Netty against the real broker: a message that
 * would be a record over the producer's {@code max.request.size} is answered 413, not 503 "retry later"
 * (the body limit is raised so such a message gets past it), and neither it nor its webhook's other
 * messages are published; the review's 600 KB sender name is cut and published.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "xofi.ingress.whatsapp.webhook-secret=" + WebhookLimitsIT.SECRET,
      "xofi.ingress.webhook.max-body-size=3MB",
      "xofi.ingress.webhook.providers=whapi"
    })
@Import(FixedClockConfiguration.class)
class WebhookLimitsIT {

  static final String SECRET = "it-limits-secret";

  /** How long a refused webhook's records are waited for, to be sure none arrives. */
  private static final Duration QUIET = Duration.ofSeconds(2);

  @LocalServerPort private int port;

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) {
    KafkaTestBroker.createRegistryTopics(Topics.DEFAULT_PARTITIONS, Topics.ALL);
    registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
  }

  @Test
  void shouldAnswer413AndPublishNothingWhenAMessageWouldBeARecordOverKafkasLimit() {
    // given: a 1.5 MB image preview next to a small message of another member
    String large = message("limits-large-1", "51900000931", "image",
        "\"image\":{\"id\":\"jpeg-1\",\"mime_type\":\"image/jpeg\",\"preview\":\"" + "A".repeat(1_500_000) + "\"}");
    String small = message("limits-small-1", "51900000932", "text", "\"text\":{\"body\":\"hola\"}");
    try (TopicTail<InboundEnvelope> inbound =
        new TopicTail<>(KafkaTestBroker.bootstrapServers(), Topics.INBOUND_MESSAGES)) {

      // when
      EntityExchangeResult<byte[]> result = post(webhook(small + "," + large));

      // then
      assertThat(result.getStatus().value()).isEqualTo(413);
      assertThat(body(result))
          .startsWith("{\"error\":\"a message of the webhook is too large to publish: a record of ")
          .endsWith(" bytes on inbound-messages, over the 1048576 bytes Kafka accepts\",\"status\":413}");
      await().during(QUIET).atMost(QUIET.plusSeconds(5)).untilAsserted(() -> assertThat(inbound.poll()).isEmpty());
    }
  }

  @Test
  void shouldPublishTheReviewsSixHundredKilobyteSenderNameCutToItsLimit() {
    // given: security review M7, answered 503 on every retry before
    String webhook = webhook(message("limits-big-1", "51900000921", "text",
        "\"text\":{\"body\":\"x\"},\"from_name\":\"" + "N".repeat(600_000) + "\""));
    try (TopicTail<InboundEnvelope> inbound =
        new TopicTail<>(KafkaTestBroker.bootstrapServers(), Topics.INBOUND_MESSAGES)) {

      // when
      EntityExchangeResult<byte[]> result = post(webhook);

      // then
      assertThat(body(result)).isEqualTo("{\"status\":\"accepted\",\"messages\":1,\"statuses\":0}");
      await()
          .atMost(KafkaTestBroker.patience())
          .untilAsserted(() -> assertThat(inbound.poll().stream().map(Received::value)
                  .map(envelope -> List.of(envelope.messageId(), envelope.sender().name())).toList())
              .isEqualTo(List.of(List.of("limits-big-1", "N".repeat(256)))));
    }
  }

  @Test
  void shouldAnswer413AndPublishNothingForTheReviewsWebhookOfManyPhones() {
    // given: security review H7, 500 messages from 500 phones in one webhook
    String webhook = webhook(IntStream.range(0, 500)
        .mapToObj(i -> message("amp-" + i, Long.toString(51_900_200_000L + i), "text", "\"text\":{\"body\":\"hola\"}"))
        .collect(Collectors.joining(",")));
    try (TopicTail<InboundEnvelope> inbound =
        new TopicTail<>(KafkaTestBroker.bootstrapServers(), Topics.INBOUND_MESSAGES)) {

      // when
      EntityExchangeResult<byte[]> result = post(webhook);

      // then
      assertThat(List.of(result.getStatus().value(), body(result)))
          .isEqualTo(List.of(413,
              "{\"error\":\"webhook carries 500 messages and statuses; at most 100 are accepted\",\"status\":413}"));
      await().during(QUIET).atMost(QUIET.plusSeconds(5)).untilAsserted(() -> assertThat(inbound.poll()).isEmpty());
    }
  }

  private static String message(String id, String phone, String type, String content) {
    return "{\"id\":\"" + id + "\",\"from_me\":false,\"type\":\"" + type + "\",\"chat_id\":\"" + phone
        + "@s.whatsapp.net\",\"timestamp\":1762876458," + content + ",\"from\":\"" + phone + "\"}";
  }

  private static String webhook(String messages) {
    return "{\"messages\":[" + messages + "],\"event\":{\"type\":\"messages\",\"event\":\"post\"},\"channel_id\":\"IT\"}";
  }

  private EntityExchangeResult<byte[]> post(String webhook) {
    return WebTestClient.bindToServer()
        .baseUrl("http://localhost:" + port)
        .responseTimeout(Duration.ofSeconds(30))
        .build()
        .post()
        .uri("/chatbot/webhook/whatsapp/")
        .contentType(MediaType.APPLICATION_JSON)
        .header(WhatsAppWebhookController.SECRET_HEADER, SECRET)
        .bodyValue(webhook)
        .exchange()
        .expectBody()
        .returnResult();
  }

  private static String body(EntityExchangeResult<byte[]> result) {
    return new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
  }
}
