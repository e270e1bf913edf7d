package pe.xofi.chat.ingress.webhook.whapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.xofi.chat.ingress.publish.RecordingPublisher;

/** The endpoint as deployed with neither WHATSAPP_WEBHOOK_SECRET nor a verify token. */
@WebFluxTest(controllers = WhatsAppWebhookController.class)
@Import(WebhookSliceConfiguration.class)
class WhatsAppWebhookWithoutSecretsTest {

  private static final String PATH = "/chatbot/webhook/whatsapp/";

  @Autowired private WebTestClient client;
  @Autowired private RecordingPublisher publisher;

  @BeforeEach
  void reset() {
    publisher.reset();
  }

  @Test
  void shouldAcceptAPostWithoutSecretHeaderWhenNoSecretIsConfigured() {
    // when
    EntityExchangeResult<byte[]> result =
        client
            .post()
            .uri(PATH)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(WhapiPayloads.HOLA_WEBHOOK)
            .exchange()
            .expectBody()
            .returnResult();

    // then
    assertThat(result.getStatus().value()).isEqualTo(200);
    assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8))
        .isEqualTo("{\"status\":\"accepted\",\"messages\":1,\"statuses\":0}");
    assertThat(publisher.published()).hasSize(1);
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
    assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8))
        .isEqualTo("{\"error\":\"webhook verification failed\",\"status\":403}");
  }
}
