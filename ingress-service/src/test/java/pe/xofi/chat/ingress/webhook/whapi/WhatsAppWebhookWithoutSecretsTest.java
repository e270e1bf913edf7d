package pe.xofi.chat.ingress.webhook.whapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.xofi.chat.ingress.publish.RecordingPublisher;
import pe.xofi.chat.ingress.webhook.meta.MetaPayloads;

/**
 * The endpoint as the local profile starts it with neither WHATSAPP_WEBHOOK_SECRET,
 * WHATSAPP_APP_SECRET nor a verify token: it starts, and refuses every webhook.
 */
@WebFluxTest(controllers = WhatsAppWebhookController.class)
@Import(WebhookSliceConfiguration.class)
@ActiveProfiles("local")
class WhatsAppWebhookWithoutSecretsTest {

  private static final String PATH = "/chatbot/webhook/whatsapp/";

  @Autowired private WebTestClient client;
  @Autowired private RecordingPublisher publisher;

  @BeforeEach
  void reset() {
    publisher.reset();
  }

  @Test
  void shouldRefuseAWhapiPostWith401WhenNoSecretIsConfigured() {
    // when
    EntityExchangeResult<byte[]> result = post(WhapiPayloads.HOLA_WEBHOOK);

    // then
    assertThat(List.of(result.getStatus().value(), body(result)))
        .isEqualTo(List.of(401, "{\"error\":\"missing or wrong webhook secret\",\"status\":401}"));
    assertThat(publisher.published()).isEmpty();
  }

  @Test
  void shouldRefuseAnUnsignedMetaPostWith401WhenNoAppSecretIsConfigured() {
    // when
    EntityExchangeResult<byte[]> result = post(MetaPayloads.TWO_ENTRIES_THREE_MESSAGES);

    // then
    assertThat(result.getStatus().value()).isEqualTo(401);
    assertThat(publisher.published()).isEmpty();
  }

  @Test
  void shouldRefuseMetasHandshakeWhenNoVerifyTokenIsConfigured() {
    // when
    EntityExchangeResult<byte[]> result =
        client
            .get()
            .uri(PATH + "?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=")
            .exchange()
            .expectBody()
            .returnResult();

    // then
    assertThat(result.getStatus().value()).isEqualTo(403);
    assertThat(body(result))
        .isEqualTo("{\"error\":\"webhook verification failed\",\"status\":403}");
  }

  private EntityExchangeResult<byte[]> post(String webhook) {
    return client.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(webhook)
        .exchange().expectBody().returnResult();
  }

  private static String body(EntityExchangeResult<byte[]> result) {
    return new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
  }
}
