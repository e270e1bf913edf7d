package pe.xofi.chat.ingress.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.xofi.chat.ingress.it.TopicTail.Received;
import pe.xofi.chat.ingress.webhook.telegram.TelegramWebhookController;
import pe.xofi.chat.ingress.webhook.whapi.WhatsAppWebhookController;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.testsupport.KafkaTestBroker;

/**
 * Webhooks without the configured secret or signature, on the running ingress and the real broker:
 * every provider's path answers 401 and publishes nothing, while the same body with the right
 * credentials is published.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "xofi.ingress.whatsapp.webhook-secret=" + WebhookAuthenticationIT.WHAPI_SECRET,
      "xofi.ingress.whatsapp.app-secret=" + WebhookAuthenticationIT.META_APP_SECRET,
      "xofi.ingress.telegram.webhook-secret=" + WebhookAuthenticationIT.TELEGRAM_SECRET
    })
@Import(FixedClockConfiguration.class)
class WebhookAuthenticationIT {

  static final String WHAPI_SECRET = "whapi-it-secret";
  static final String META_APP_SECRET = "meta-it-app-secret";
  static final String TELEGRAM_SECRET = "telegram-it-secret";

  private static final String UNAUTHORIZED_WHAPI = "{\"error\":\"missing or wrong webhook secret\",\"status\":401}";

  @LocalServerPort private int port;

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) {
    KafkaTestBroker.createRegistryTopics(Topics.DEFAULT_PARTITIONS, Topics.ALL);
    registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
  }

  @Test
  void shouldRefuseEveryUnauthenticatedWebhookWith401AndPublishOnlyTheAuthenticOnes() {
    try (TopicTail<InboundEnvelope> inbound =
        new TopicTail<>(KafkaTestBroker.bootstrapServers(), Topics.INBOUND_MESSAGES)) {
      // given: one member per attempt, so a leaked record would name its attempt
      String whapiNone = phone(), whapiWrong = phone(), whapiBearer = phone();
      String metaNone = phone(), metaWrong = phone(), metaWhapiSecret = phone(), metaOtherBody = phone();
      long telegramNone = chat(), telegramWrong = chat();
      String whapiOk = phone(), metaOk = phone();
      long telegramOk = chat();

      // when
      List<Integer> refused = new ArrayList<>();
      refused.add(post("/chatbot/webhook/whatsapp/", whapi(whapiNone), null, null));
      refused.add(post("/chatbot/webhook/whatsapp/", whapi(whapiWrong), WhatsAppWebhookController.SECRET_HEADER, "guess"));
      refused.add(post("/chatbot/webhook/whatsapp/", whapi(whapiBearer), "Authorization", "Bearer guess"));
      refused.add(post("/chatbot/webhook/whatsapp/", meta(metaNone), null, null));
      refused.add(post("/chatbot/webhook/whatsapp/", meta(metaWrong), "X-Hub-Signature-256", signature(meta(metaWrong), "guess")));
      refused.add(post("/chatbot/webhook/whatsapp/", meta(metaWhapiSecret), WhatsAppWebhookController.SECRET_HEADER, WHAPI_SECRET));
      refused.add(post("/chatbot/webhook/whatsapp/", meta(metaOtherBody), "X-Hub-Signature-256",
          signature(meta(metaOk), META_APP_SECRET)));
      refused.add(post("/chatbot/webhook/telegram/", telegram(telegramNone), null, null));
      refused.add(post("/chatbot/webhook/telegram/", telegram(telegramWrong), TelegramWebhookController.SECRET_HEADER, "guess"));
      List<Integer> accepted = List.of(
          post("/chatbot/webhook/whatsapp/", whapi(whapiOk), WhatsAppWebhookController.SECRET_HEADER, WHAPI_SECRET),
          post("/chatbot/webhook/whatsapp/", meta(metaOk), "X-Hub-Signature-256", signature(meta(metaOk), META_APP_SECRET)),
          post("/chatbot/webhook/telegram/", telegram(telegramOk), TelegramWebhookController.SECRET_HEADER, TELEGRAM_SECRET));

      // then
      assertThat(refused).containsOnly(401).hasSize(9);
      assertThat(accepted).containsOnly(200);
      List<String> expectedKeys = List.of("wa:" + whapiOk, "wa:" + metaOk, "tg:" + telegramOk);
      await().atMost(KafkaTestBroker.patience())
          .until(() -> inbound.poll().stream().map(Received::key).toList().containsAll(expectedKeys));
      // the refused requests were answered before the accepted ones were published: one more poll
      // would show a late record of theirs
      await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
      assertThat(inbound.poll().stream().map(Received::key).toList()).containsExactlyInAnyOrderElementsOf(expectedKeys);
    }
  }

  @Test
  void shouldNameTheMissingSecretInTheWhapiRefusal() {
    // when
    WebTestClient.ResponseSpec response = client().post().uri("/chatbot/webhook/whatsapp/")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(whapi(phone())).exchange();

    // then
    response.expectStatus().isUnauthorized().expectBody(String.class).isEqualTo(UNAUTHORIZED_WHAPI);
  }

  private int post(String path, String body, String header, String value) {
    WebTestClient.RequestBodySpec request = client().post().uri(path).contentType(MediaType.APPLICATION_JSON);
    if (header != null) {
      request = request.header(header, value);
    }
    return request.bodyValue(body).exchange().returnResult(byte[].class).getStatus().value();
  }

  private WebTestClient client() {
    return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
  }

  private static String whapi(String phone) {
    return """
        {"messages":[{"id":"wa-auth-%1$s","from_me":false,"type":"text","chat_id":"%1$s@s.whatsapp.net",\
        "timestamp":1762876458,"source":"mobile","text":{"body":"Hola"},"from":"%1$s","from_name":"Socio"}],\
        "event":{"type":"messages","event":"post"},"channel_id":"CHANNEL-ID"}""".formatted(phone);
  }

  private static String meta(String phone) {
    return """
        {"object":"whatsapp_business_account","entry":[{"id":"WABA-1","changes":[{"value":\
        {"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550000000","phone_number_id":"1065"},\
        "contacts":[{"profile":{"name":"Socio"},"wa_id":"%1$s"}],"messages":[{"from":"%1$s","id":"wamid.auth-%1$s",\
        "timestamp":"1736953200","type":"text","text":{"body":"Hola"}}]},"field":"messages"}]}]}""".formatted(phone);
  }

  private static String telegram(long chat) {
    return """
        {"update_id":%1$d,"message":{"message_id":55,"from":{"id":%1$d,"is_bot":false,"first_name":"Socio"},\
        "chat":{"id":%1$d,"first_name":"Socio","type":"private"},"date":1736953200,"text":"Hola"}}""".formatted(chat);
  }

  private static String signature(String body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String phone() {
    return "519" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
  }

  private static long chat() {
    return ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
  }
}
