package pe.xofi.chat.ingress.webhook.whapi;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.xofi.chat.ingress.webhook.whapi.WebhookSliceConfiguration.RECEIVED;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.xofi.chat.ingress.publish.PendingRecord;
import pe.xofi.chat.ingress.publish.RecordingPublisher;
import pe.xofi.chat.ingress.publish.RecordingPublisher.Published;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.inbound.Sender;
import pe.xofi.chat.schemas.status.ProviderStatus;
import reactor.core.publisher.Flux;

@WebFluxTest(
    controllers = WhatsAppWebhookController.class,
    properties = {
      "xofi.ingress.webhook.providers=whapi,meta",
      "xofi.ingress.whatsapp.webhook-secret=s3cr3t-hook",
      "xofi.ingress.whatsapp.app-secret=meta-app-secret",
      "xofi.ingress.whatsapp.verify-token=meatyhamhock"
    })
@Import(WebhookSliceConfiguration.class)
class WhatsAppWebhookControllerTest {

  private static final String PATH = "/chatbot/webhook/whatsapp/";
  private static final String SECRET = "s3cr3t-hook";

  @Autowired private WebTestClient client;
  @Autowired private RecordingPublisher publisher;
  @Autowired private MeterRegistry meters;

  @BeforeEach
  void reset() {
    publisher.reset();
    meters.clear();
  }

  @Test
  void shouldAcceptTheHolaWebhookOnlyAfterPublishingItsEnvelope() {
    // given
    String webhook = WhapiPayloads.HOLA_WEBHOOK;

    // when
    EntityExchangeResult<byte[]> result = post(PATH, webhook, SECRET);

    // then
    assertThat(result.getStatus().value()).isEqualTo(200);
    assertThat(body(result)).isEqualTo("{\"status\":\"accepted\",\"messages\":1,\"statuses\":0}");
    assertThat(publisher.published())
        .isEqualTo(
            List.of(
                new Published(
                    List.of(
                        new PendingRecord<>(
                            Topics.INBOUND_MESSAGES,
                            "wa:51902376744",
                            new InboundEnvelope(
                                "rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs",
                                Channel.WHATSAPP,
                                Provider.WHAPI,
                                "wa:51902376744",
                                new Sender("51902376744", "Usuario"),
                                RECEIVED,
                                Instant.ofEpochSecond(1762876458),
                                Json.MAPPER.readTree(WhapiPayloads.HOLA_MESSAGE)))),
                    traceId(result))));
  }

  @Test
  void shouldAcceptThePathWithoutTrailingSlashToo() {
    // given
    String webhook = WhapiPayloads.HOLA_WEBHOOK;

    // when
    EntityExchangeResult<byte[]> result = post("/chatbot/webhook/whatsapp", webhook, SECRET);

    // then
    assertThat(result.getStatus().value()).isEqualTo(200);
    assertThat(body(result)).isEqualTo("{\"status\":\"accepted\",\"messages\":1,\"statuses\":0}");
    assertThat(publisher.published()).hasSize(1);
  }

  @Test
  void shouldPublishStatusCallbacksToProviderStatuses() {
    // given
    String webhook = WhapiPayloads.READ_STATUS_WEBHOOK;

    // when
    EntityExchangeResult<byte[]> result = post(PATH, webhook, SECRET);

    // then
    assertThat(body(result)).isEqualTo("{\"status\":\"accepted\",\"messages\":0,\"statuses\":1}");
    assertThat(publisher.published())
        .isEqualTo(
            List.of(
                new Published(
                    List.of(
                        new PendingRecord<>(
                            Topics.PROVIDER_STATUSES,
                            "wa:919984351847",
                            new ProviderStatus(
                                Provider.WHAPI,
                                "wa:919984351847",
                                "p.w30M7fgwWD4XwHu.g4CA-gBgTwl0rVw",
                                "read",
                                RECEIVED,
                                Instant.ofEpochSecond(1712995290),
                                Json.MAPPER.readTree(WhapiPayloads.READ_STATUS_WEBHOOK)
                                    .get("statuses")
                                    .get(0)))),
                    traceId(result))));
  }

  @Test
  void shouldAcceptTheSecretAsABearerTokenToo() {
    // given
    String webhook = WhapiPayloads.HOLA_WEBHOOK;

    // when
    EntityExchangeResult<byte[]> result =
        client
            .post()
            .uri(PATH)
            .contentType(MediaType.APPLICATION_JSON)
            .header("Authorization", "Bearer " + SECRET)
            .bodyValue(webhook)
            .exchange()
            .expectBody()
            .returnResult();

    // then
    assertThat(result.getStatus().value()).isEqualTo(200);
    assertThat(publisher.published()).hasSize(1);
  }

  @Test
  void shouldAcknowledgeWithoutPublishingWhenEveryMessageIsSkipped() {
    // given
    String webhook =
        WhapiPayloads.messagesWebhook(WhapiPayloads.BOT_ECHO_MESSAGE, WhapiPayloads.GROUP_MESSAGE);

    // when
    EntityExchangeResult<byte[]> result = post(PATH, webhook, SECRET);

    // then
    assertThat(body(result)).isEqualTo("{\"status\":\"accepted\",\"messages\":0,\"statuses\":0}");
    assertThat(publisher.published()).isEmpty();
    assertThat(counts("xofi.ingress.records.skipped", "reason"))
        .isEqualTo(Map.of("from_me", 1.0, "group_chat", 1.0));
  }

  @Test
  void shouldAcknowledgeAnEventTypeItDoesNotConsumeSoWhapiStopsRetrying() {
    // given
    String webhook = WhapiPayloads.CHATS_WEBHOOK;

    // when
    EntityExchangeResult<byte[]> result = post(PATH, webhook, SECRET);

    // then
    assertThat(result.getStatus().value()).isEqualTo(200);
    assertThat(body(result)).isEqualTo("{\"status\":\"accepted\",\"messages\":0,\"statuses\":0}");
    assertThat(publisher.published()).isEmpty();
  }

  @Test
  void shouldRefuseAPostWithoutTheSecretAndPublishNothing() {
    // given
    String webhook = WhapiPayloads.HOLA_WEBHOOK;

    // when
    EntityExchangeResult<byte[]> result = post(PATH, webhook, null);

    // then
    assertThat(result.getStatus().value()).isEqualTo(401);
    assertThat(body(result))
        .isEqualTo("{\"error\":\"missing or wrong webhook secret\",\"status\":401}");
    assertThat(publisher.published()).isEmpty();
    assertThat(counts("xofi.ingress.webhooks.received", "status")).isEqualTo(Map.of("401", 1.0));
  }

  @Test
  void shouldRefuseAPostWithAWrongSecretInEitherHeaderAndPublishNothing() {
    // given
    String webhook = WhapiPayloads.HOLA_WEBHOOK;

    // when
    EntityExchangeResult<byte[]> wrongHeader = post(PATH, webhook, "s3cr3t-hooK");
    EntityExchangeResult<byte[]> wrongBearer =
        client
            .post()
            .uri(PATH)
            .contentType(MediaType.APPLICATION_JSON)
            .header("Authorization", "Bearer s3cr3t-hoo")
            .bodyValue(webhook)
            .exchange()
            .expectBody()
            .returnResult();

    // then
    assertThat(List.of(wrongHeader.getStatus().value(), wrongBearer.getStatus().value()))
        .isEqualTo(List.of(401, 401));
    assertThat(publisher.published()).isEmpty();
  }

  @Test
  void shouldAnswer400NamingTheProblemForInvalidJson() {
    // given
    String webhook = "{\"messages\":[";

    // when
    EntityExchangeResult<byte[]> result = post(PATH, webhook, SECRET);

    // then
    assertThat(result.getStatus().value()).isEqualTo(400);
    assertThat(body(result))
        .isEqualTo(
            "{\"error\":\"invalid JSON: Unexpected end-of-input: expected close marker for Array"
                + " at line 1, column 14\",\"status\":400}");
    assertThat(publisher.published()).isEmpty();
  }

  @Test
  void shouldAnswer400ForAnEmptyBody() {
    // when
    EntityExchangeResult<byte[]> result = post(PATH, "", SECRET);

    // then
    assertThat(result.getStatus().value()).isEqualTo(400);
    assertThat(body(result)).isEqualTo("{\"error\":\"invalid JSON: empty body\",\"status\":400}");
  }

  @Test
  void shouldAnswer400ForJsonThatIsNotAWebhook() {
    // given
    String webhook = "[" + WhapiPayloads.HOLA_MESSAGE + "]";

    // when
    EntityExchangeResult<byte[]> result = post(PATH, webhook, SECRET);

    // then
    assertThat(result.getStatus().value()).isEqualTo(400);
    assertThat(body(result))
        .isEqualTo(
            "{\"error\":\"not a webhook: a WHAPI webhook is a JSON object, got array\","
                + "\"status\":400}");
    assertThat(publisher.published()).isEmpty();
  }

  @Test
  void shouldAnswer400ForAMessageWithoutChatId() {
    // given
    String webhook = WhapiPayloads.messagesWebhook("{\"id\":\"m-9\",\"type\":\"text\"}");

    // when
    EntityExchangeResult<byte[]> result = post(PATH, webhook, SECRET);

    // then
    assertThat(body(result))
        .isEqualTo("{\"error\":\"not a webhook: messages[m-9] has no chat_id\",\"status\":400}");
  }

  @Test
  void shouldAnswer413ForATwoMebibyteBodyWithContentLength() {
    // given
    String webhook = "{\"messages\":[],\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";

    // when
    EntityExchangeResult<byte[]> result = post(PATH, webhook, SECRET);

    // then
    assertThat(result.getStatus().value()).isEqualTo(413);
    assertThat(body(result))
        .isEqualTo("{\"error\":\"body larger than 1048576 bytes\",\"status\":413}");
    assertThat(publisher.published()).isEmpty();
  }

  @Test
  void shouldAnswer413ForATwoMebibyteBodyStreamedWithoutLength() {
    // given 32 chunks of 64 KiB and no Content-Length
    byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
    Flux<DataBuffer> chunks =
        Flux.range(0, 32).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk));

    // when
    EntityExchangeResult<byte[]> result =
        client
            .post()
            .uri(PATH)
            .contentType(MediaType.APPLICATION_JSON)
            .header(WhatsAppWebhookController.SECRET_HEADER, SECRET)
            .body(chunks, DataBuffer.class)
            .exchange()
            .expectBody()
            .returnResult();

    // then
    assertThat(result.getStatus().value()).isEqualTo(413);
    assertThat(body(result))
        .isEqualTo("{\"error\":\"body larger than 1048576 bytes\",\"status\":413}");
  }

  @Test
  void shouldAnswer503WhenKafkaDoesNotAcknowledgeSoWhapiRetries() {
    // given
    publisher.brokerDown(true);

    // when
    EntityExchangeResult<byte[]> result = post(PATH, WhapiPayloads.HOLA_WEBHOOK, SECRET);

    // then
    assertThat(result.getStatus().value()).isEqualTo(503);
    assertThat(body(result))
        .isEqualTo(
            "{\"error\":\"Kafka did not acknowledge the webhook; retry later\",\"status\":503}");
    assertThat(counts("xofi.ingress.webhooks.received", "status")).isEqualTo(Map.of("503", 1.0));
  }

  @Test
  void shouldAnswer415WithAJsonErrorForAnotherContentType() {
    // when
    EntityExchangeResult<byte[]> result =
        client
            .post()
            .uri(PATH)
            .contentType(MediaType.TEXT_PLAIN)
            .header(WhatsAppWebhookController.SECRET_HEADER, SECRET)
            .bodyValue("Hola")
            .exchange()
            .expectBody()
            .returnResult();

    // then
    assertThat(result.getStatus().value()).isEqualTo(415);
    assertThat(body(result))
        .isEqualTo("{\"error\":\"unsupported media type\",\"status\":415}");
    assertThat(publisher.published()).isEmpty();
  }

  @Test
  void shouldAnswer405WithAJsonErrorForAnotherMethod() {
    // when
    EntityExchangeResult<byte[]> result =
        client.delete().uri(PATH).exchange().expectBody().returnResult();

    // then
    assertThat(result.getStatus().value()).isEqualTo(405);
    assertThat(body(result)).isEqualTo("{\"error\":\"method not allowed\",\"status\":405}");
  }

  @Test
  void shouldAnswerTheOriginalHealthCheckOnAPlainGet() {
    // when
    EntityExchangeResult<byte[]> result =
        client.get().uri(PATH).exchange().expectBody().returnResult();

    // then
    assertThat(result.getStatus().value()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(body(result)))
        .isEqualTo(Json.MAPPER.readTree("{\"status\": \"ok\", \"service\": \"whatsapp_chatbot\"}"));
  }

  @Test
  void shouldEchoMetasChallengeAsPlainTextWhenTheVerifyTokenMatches() {
    // when
    EntityExchangeResult<byte[]> result =
        client
            .get()
            .uri(PATH + "?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock")
            .exchange()
            .expectBody()
            .returnResult();

    // then
    assertThat(result.getStatus().value()).isEqualTo(200);
    assertThat(result.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_PLAIN))
        .isTrue();
    assertThat(body(result)).isEqualTo("1158201444");
  }

  @Test
  void shouldRefuseMetasHandshakeWithAWrongTokenOrMode() {
    // when
    EntityExchangeResult<byte[]> wrongToken =
        client
            .get()
            .uri(PATH + "?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyham")
            .exchange()
            .expectBody()
            .returnResult();
    EntityExchangeResult<byte[]> wrongMode =
        client
            .get()
            .uri(PATH + "?hub.mode=unsubscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock")
            .exchange()
            .expectBody()
            .returnResult();

    // then
    assertThat(List.of(wrongToken.getStatus().value(), wrongMode.getStatus().value()))
        .isEqualTo(List.of(403, 403));
    assertThat(body(wrongToken))
        .isEqualTo("{\"error\":\"webhook verification failed\",\"status\":403}");
  }

  private EntityExchangeResult<byte[]> post(String path, String body, String secret) {
    WebTestClient.RequestBodySpec request =
        client.post().uri(path).contentType(MediaType.APPLICATION_JSON);
    if (secret != null) {
      request.header(WhatsAppWebhookController.SECRET_HEADER, secret);
    }
    return request.bodyValue(body).exchange().expectBody().returnResult();
  }

  private static String body(EntityExchangeResult<byte[]> result) {
    byte[] bytes = result.getResponseBodyContent();
    return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
  }

  private static String traceId(EntityExchangeResult<byte[]> result) {
    return result.getResponseHeaders().getFirst(WhatsAppWebhookController.TRACE_HEADER);
  }

  private Map<String, Double> counts(String meter, String tag) {
    Map<String, Double> counts = new TreeMap<>();
    meters.find(meter).counters().forEach(c -> counts.put(c.getId().getTag(tag), c.count()));
    return counts;
  }
}
