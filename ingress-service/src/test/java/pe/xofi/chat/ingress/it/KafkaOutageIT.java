package pe.xofi.chat.ingress.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The ingress when no broker answers: the producer waits for metadata longer than the publish
 * timeout, so only the timeout (not the producer) can end the request, and the event loop stays
 * free meanwhile.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "xofi.ingress.webhook.providers=whapi",
      "xofi.ingress.whatsapp.webhook-secret=" + KafkaOutageIT.SECRET,
      "xofi.ingress.publish.timeout=1500ms",
      "spring.kafka.producer.properties.max.block.ms=4000"
    })
class KafkaOutageIT {

  static final String SECRET = "outage-it-secret";

  private static final Duration PUBLISH_TIMEOUT = Duration.ofMillis(1500);

  private static final String HOLA_WEBHOOK =
      """
      {"messages":[{"id":"rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs","from_me":false,"type":"text",\
      "chat_id":"51902376744@s.whatsapp.net","timestamp":1762876458,"source":"mobile",\
      "text":{"body":"Hola"},"from":"51902376744","from_name":"Usuario"}],\
      "event":{"type":"messages","event":"post"},"channel_id":"CHANNEL-ID"}""";

  @LocalServerPort private int port;

  @DynamicPropertySource
  static void unreachableBroker(DynamicPropertyRegistry registry) throws IOException {
    int unused;
    try (ServerSocket socket = new ServerSocket(0)) {
      unused = socket.getLocalPort();
    }
    registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + unused);
  }

  @Test
  void shouldAnswer503WithinThePublishTimeoutWhileStillServingOtherRequests() {
    // given
    WebTestClient client = client();
    Instant start = Instant.now();

    // when
    CompletableFuture<EntityExchangeResult<byte[]>> webhook =
        CompletableFuture.supplyAsync(
            () ->
                client
                    .post()
                    .uri("/chatbot/webhook/whatsapp/")
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("X-Webhook-Secret", SECRET)
                    .bodyValue(HOLA_WEBHOOK)
                    .exchange()
                    .expectBody()
                    .returnResult());
    EntityExchangeResult<byte[]> health =
        client.get().uri("/chatbot/webhook/whatsapp/").exchange().expectBody().returnResult();
    Duration healthTook = Duration.between(start, Instant.now());
    EntityExchangeResult<byte[]> result = webhook.join();
    Duration webhookTook = Duration.between(start, Instant.now());

    // then
    assertThat(List.of(health.getStatus().value(), result.getStatus().value()))
        .isEqualTo(List.of(200, 503));
    assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"error\":\"Kafka did not acknowledge the webhook; retry later\",\"status\":503}");
    assertThat(healthTook).isLessThan(PUBLISH_TIMEOUT);
    assertThat(webhookTook).isBetween(PUBLISH_TIMEOUT, PUBLISH_TIMEOUT.plusSeconds(2));
  }

  private WebTestClient client() {
    return WebTestClient.bindToServer()
        .baseUrl("http://localhost:" + port)
        .responseTimeout(Duration.ofSeconds(10))
        .build();
  }
}
