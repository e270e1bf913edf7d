package pe.xofi.chat.ingress.webhook.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.xofi.chat.ingress.publish.PendingRecord;
import pe.xofi.chat.ingress.publish.RecordingPublisher;
import pe.xofi.chat.ingress.webhook.whapi.WebhookSliceConfiguration;
import pe.xofi.chat.ingress.webhook.whapi.WhatsAppWebhookController;

/** Meta webhooks on the WhatsApp endpoint, with an app secret and a WHAPI secret configured. */
@WebFluxTest(
    controllers = WhatsAppWebhookController.class,
    properties = {
      "xofi.ingress.webhook.providers=whapi,meta",
      "xofi.ingress.whatsapp.webhook-secret=s3cr3t-hook",
      "xofi.ingress.whatsapp.app-secret=meta-app-secret"
    })
@Import(WebhookSliceConfiguration.class)
class MetaWebhookControllerTest {

  private static final String PATH = "/chatbot/webhook/whatsapp/";
  private static final String APP_SECRET = "meta-app-secret";

  @Autowired private WebTestClient client;
  @Autowired private RecordingPublisher publisher;

  @BeforeEach
  void reset() {
    publisher.reset();
  }

  @Test
  void shouldPublishThreeRecordsForTwoEntriesWithThreeMessages() {
    // given
    String webhook = MetaPayloads.TWO_ENTRIES_THREE_MESSAGES;

    // when
    EntityExchangeResult<byte[]> result = post(webhook, MetaSignature.header(APP_SECRET, bytes(webhook)));

    // then
    assertThat(result.getStatus().value()).isEqualTo(200);
    assertThat(body(result)).isEqualTo("{\"status\":\"accepted\",\"messages\":3,\"statuses\":0}");
    assertThat(publisher.published()).hasSize(1);
    assertThat(publisher.published().getFirst().records().stream().map(PendingRecord::key).toList())
        .isEqualTo(List.of("wa:16315551181", "wa:51987654321", "wa:51987654321"));
  }

  @Test
  void shouldRefuseAForgedSignatureAndPublishNothing() {
    // given: signed with another secret
    String webhook = MetaPayloads.TWO_ENTRIES_THREE_MESSAGES;

    // when
    EntityExchangeResult<byte[]> result = post(webhook, MetaSignature.header("guessed", bytes(webhook)));

    // then
    assertThat(result.getStatus().value()).isEqualTo(401);
    assertThat(body(result))
        .isEqualTo("{\"error\":\"missing or wrong X-Hub-Signature-256\",\"status\":401}");
    assertThat(publisher.published()).isEmpty();
  }

  @Test
  void shouldRefuseABodyChangedAfterSigning() {
    // given
    String signed = MetaPayloads.TWO_ENTRIES_THREE_MESSAGES;
    String tampered = signed.replace("this is a text message", "DNI 12345678 año 1990");

    // when
    EntityExchangeResult<byte[]> result = post(tampered, MetaSignature.header(APP_SECRET, bytes(signed)));

    // then
    assertThat(result.getStatus().value()).isEqualTo(401);
    assertThat(publisher.published()).isEmpty();
  }

  @Test
  void shouldRefuseAnUnsignedMetaWebhookEvenWithTheWhapiSecret() {
    // given
    String webhook = MetaPayloads.TWO_ENTRIES_THREE_MESSAGES;

    // when
    EntityExchangeResult<byte[]> result =
        client.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
            .header(WhatsAppWebhookController.SECRET_HEADER, "s3cr3t-hook")
            .bodyValue(webhook).exchange().expectBody().returnResult();

    // then
    assertThat(result.getStatus().value()).isEqualTo(401);
    assertThat(publisher.published()).isEmpty();
  }

  private EntityExchangeResult<byte[]> post(String webhook, String signature) {
    return client.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
        .header(MetaSignature.HEADER, signature)
        .bodyValue(bytes(webhook)).exchange().expectBody().returnResult();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String body(EntityExchangeResult<byte[]> result) {
    return new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
  }
}
