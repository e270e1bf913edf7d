package pe.xofi.chat.ingress.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pe.xofi.chat.ingress.it.FixedClockConfiguration.RECEIVED;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.xofi.chat.ingress.it.TopicTail.Received;
import pe.xofi.chat.ingress.webhook.whapi.WhatsAppWebhookController;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.inbound.Sender;
import pe.xofi.chat.schemas.status.ProviderStatus;
import pe.xofi.chat.testsupport.KafkaTestBroker;

/** The running ingress on Netty against the shared real broker. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "xofi.ingress.webhook.providers=whapi",
      "xofi.ingress.whatsapp.webhook-secret=" + WhatsAppWebhookToKafkaIT.SECRET
    })
@Import(FixedClockConfiguration.class)
class WhatsAppWebhookToKafkaIT {

  static final String SECRET = "it-secret";

  private static final String HOLA_MESSAGE =
      """
      {"id":"rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs","from_me":false,"type":"text",\
      "chat_id":"51902376744@s.whatsapp.net","timestamp":1762876458,"source":"mobile",\
      "text":{"body":"Hola"},"from":"51902376744","from_name":"Usuario"}""";

  /** ORIGINAL_SYSTEM.md, "Estructura de Webhook Entrante (WHAPI)". */
  private static final String HOLA_WEBHOOK =
      """
      {"messages":[%s],"event":{"type":"messages","event":"post"},"channel_id":"CHANNEL-ID"}"""
          .formatted(HOLA_MESSAGE);

  private static final String STATUS =
      """
      {"id":"p.w30M7fgwWD4XwHu.g4CA-gBgTwl0rVw","code":4,"status":"read",\
      "recipient_id":"919984351847@s.whatsapp.net","timestamp":"1712995290"}""";

  @LocalServerPort private int port;
  @LocalManagementPort private int managementPort;
  @Autowired private Environment environment;

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) {
    KafkaTestBroker.createRegistryTopics(Topics.DEFAULT_PARTITIONS, Topics.ALL);
    registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
  }

  @Test
  void shouldPublishTheHolaWebhookAsOneEnvelopeBeforeAnswering200() {
    // given
    try (TopicTail<InboundEnvelope> inbound =
        new TopicTail<>(KafkaTestBroker.bootstrapServers(), Topics.INBOUND_MESSAGES)) {

      // when
      EntityExchangeResult<byte[]> result = post(HOLA_WEBHOOK);

      // then
      assertThat(result.getStatus().value()).isEqualTo(200);
      assertThat(body(result)).isEqualTo("{\"status\":\"accepted\",\"messages\":1,\"statuses\":0}");
      String traceId = result.getResponseHeaders().getFirst(WhatsAppWebhookController.TRACE_HEADER);
      List<Received<InboundEnvelope>> expected =
          List.of(
              new Received<>(
                  "wa:51902376744",
                  Map.of(XofiHeaders.TRACE_ID, traceId, XofiHeaders.SCHEMA_VERSION, "1"),
                  new InboundEnvelope(
                      "rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs",
                      Channel.WHATSAPP,
                      Provider.WHAPI,
                      "wa:51902376744",
                      new Sender("51902376744", "Usuario"),
                      RECEIVED,
                      Instant.ofEpochSecond(1762876458),
                      Json.MAPPER.readTree(HOLA_MESSAGE))));
      await()
          .atMost(KafkaTestBroker.patience())
          .untilAsserted(() -> assertThat(inbound.poll()).isEqualTo(expected));
    }
  }

  @Test
  void shouldPublishAStatusCallbackToProviderStatusesKeyedByTheRecipient() {
    // given
    try (TopicTail<ProviderStatus> statuses =
        new TopicTail<>(KafkaTestBroker.bootstrapServers(), Topics.PROVIDER_STATUSES)) {

      // when
      EntityExchangeResult<byte[]> result =
          post(
              """
              {"statuses":[%s],"event":{"type":"statuses","event":"post"},"channel_id":"MANTIS-M72HC"}"""
                  .formatted(STATUS));

      // then
      assertThat(body(result)).isEqualTo("{\"status\":\"accepted\",\"messages\":0,\"statuses\":1}");
      String traceId = result.getResponseHeaders().getFirst(WhatsAppWebhookController.TRACE_HEADER);
      List<Received<ProviderStatus>> expected =
          List.of(
              new Received<>(
                  "wa:919984351847",
                  Map.of(XofiHeaders.TRACE_ID, traceId, XofiHeaders.SCHEMA_VERSION, "1"),
                  new ProviderStatus(
                      Provider.WHAPI,
                      "wa:919984351847",
                      "p.w30M7fgwWD4XwHu.g4CA-gBgTwl0rVw",
                      "read",
                      RECEIVED,
                      Instant.ofEpochSecond(1712995290),
                      Json.MAPPER.readTree(STATUS))));
      await()
          .atMost(KafkaTestBroker.patience())
          .untilAsserted(() -> assertThat(statuses.poll()).isEqualTo(expected));
    }
  }

  @Test
  void shouldAnswer413OnNettyForATwoMebibyteBodyWithContentLength() throws Exception {
    // given
    byte[] body = twoMebibytes();

    // when
    HttpResponse<String> response =
        send(HttpRequest.BodyPublishers.ofByteArray(body));

    // then
    assertThat(List.of(response.statusCode(), response.body()))
        .isEqualTo(List.of(413, "{\"error\":\"body larger than 1048576 bytes\",\"status\":413}"));
  }

  @Test
  void shouldAnswer413OnNettyForATwoMebibyteBodySentChunked() throws Exception {
    // given a body of unknown length, which the JDK client sends with Transfer-Encoding: chunked
    byte[] body = twoMebibytes();

    // when
    HttpResponse<String> response =
        send(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

    // then
    assertThat(List.of(response.statusCode(), response.body()))
        .isEqualTo(List.of(413, "{\"error\":\"body larger than 1048576 bytes\",\"status\":413}"));
  }

  @Test
  void shouldExposeHealthAndTheIngressMetricsForPrometheus() {
    // given
    post(HOLA_WEBHOOK);
    // actuator lives on the management port; 127.0.0.1 is a trusted network by default
    WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();

    // when
    String health = new String(
        client.get().uri("/actuator/health").exchange().expectBody().returnResult()
            .getResponseBodyContent(),
        StandardCharsets.UTF_8);
    String scrape = new String(
        client.get().uri("/actuator/prometheus").exchange().expectBody().returnResult()
            .getResponseBodyContent(),
        StandardCharsets.UTF_8);

    // then
    assertThat(Json.MAPPER.readTree(health).get("status").asString()).isEqualTo("UP");
    assertThat(scrape)
        .contains("xofi_ingress_webhooks_received_total{application=\"ingress-service\",provider=\"whapi\",status=\"200\"}")
        .contains("xofi_ingress_records_published_total{application=\"ingress-service\",topic=\"inbound-messages\"}")
        .contains("xofi_ingress_publish_latency_seconds_count{application=\"ingress-service\",outcome=\"acked\"}");
  }

  private EntityExchangeResult<byte[]> post(String webhook) {
    return client()
        .post()
        .uri("/chatbot/webhook/whatsapp/")
        .contentType(MediaType.APPLICATION_JSON)
        .header(WhatsAppWebhookController.SECRET_HEADER, SECRET)
        .bodyValue(webhook)
        .exchange()
        .expectBody()
        .returnResult();
  }

  private HttpResponse<String> send(HttpRequest.BodyPublisher body) throws Exception {
    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/chatbot/webhook/whatsapp/"))
              .header("Content-Type", "application/json")
              .header(WhatsAppWebhookController.SECRET_HEADER, SECRET)
              .POST(body)
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  private static byte[] twoMebibytes() {
    String pad = "x".repeat(2 * 1024 * 1024);
    return ("{\"messages\":[],\"pad\":\"" + pad + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  private WebTestClient client() {
    return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
  }

  private static String body(EntityExchangeResult<byte[]> result) {
    return new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
  }
}
