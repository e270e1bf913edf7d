package pe.xofi.chat.ingress.webhook.telegram;

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
import pe.xofi.chat.schemas.Topics;

@WebFluxTest(
    controllers = TelegramWebhookController.class,
    properties = {
      "xofi.ingress.webhook.providers=telegram",
      "xofi.ingress.telegram.webhook-secret=tg-Secret_123"
    })
@Import(WebhookSliceConfiguration.class)
class TelegramWebhookControllerTest {

  private static final String PATH = "/chatbot/webhook/telegram/";

  @Autowired private WebTestClient client;
  @Autowired private RecordingPublisher publisher;

  @BeforeEach
  void reset() {
    publisher.reset();
  }

  @Test
  void shouldPublishAPrivateMessageUnderItsTelegramKey() {
    // when
    EntityExchangeResult<byte[]> result = post(TelegramPayloads.TEXT_UPDATE, "tg-Secret_123");

    // then
    assertThat(result.getStatus().value()).isEqualTo(200);
    assertThat(body(result)).isEqualTo("{\"status\":\"accepted\",\"messages\":1,\"statuses\":0}");
    List<PendingRecord<?>> records = publisher.published().getFirst().records();
    assertThat(records.stream().map(r -> r.topic().name() + " " + r.key()).toList())
        .isEqualTo(List.of(Topics.INBOUND_MESSAGES.name() + " tg:734561289"));
  }

  @Test
  void shouldRefuseAWrongSecretTokenAndPublishNothing() {
    // when
    EntityExchangeResult<byte[]> wrong = post(TelegramPayloads.TEXT_UPDATE, "tg-secret_123");
    EntityExchangeResult<byte[]> missing = post(TelegramPayloads.TEXT_UPDATE, null);

    // then
    assertThat(wrong.getStatus().value()).isEqualTo(401);
    assertThat(body(wrong))
        .isEqualTo("{\"error\":\"missing or wrong X-Telegram-Bot-Api-Secret-Token\",\"status\":401}");
    assertThat(missing.getStatus().value()).isEqualTo(401);
    assertThat(publisher.published()).isEmpty();
  }

  @Test
  void shouldRefuseABodyThatIsNotAnUpdate() {
    // when
    EntityExchangeResult<byte[]> result = post("{\"message\":{}}", "tg-Secret_123");

    // then
    assertThat(result.getStatus().value()).isEqualTo(400);
    assertThat(body(result)).isEqualTo(
        "{\"error\":\"not a webhook: a Telegram update is an object with a numeric update_id\",\"status\":400}");
  }

  private EntityExchangeResult<byte[]> post(String update, String secret) {
    return client.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
        .headers(h -> {
          if (secret != null) {
            h.set(TelegramWebhookController.SECRET_HEADER, secret);
          }
        })
        .bodyValue(update).exchange().expectBody().returnResult();
  }

  private static String body(EntityExchangeResult<byte[]> result) {
    return new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
  }
}
