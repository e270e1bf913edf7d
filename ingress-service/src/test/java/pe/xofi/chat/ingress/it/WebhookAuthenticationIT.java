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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
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
 * credentials is published; and the WHAPI-only set-up of the 2026-12-01 review (C1), where a forged
 * {@code X-Hub-Signature-256} used to pass as Meta, refuses it too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FixedClockConfiguration.class)
class WebhookAuthenticationIT {

  static final String WHAPI_SECRET = "whapi-it-secret";
  static final String META_APP_SECRET = "meta-it-app-secret";
  static final String TELEGRAM_SECRET = "telegram-it-secret";

  private static final String UNAUTHORIZED_WHAPI = "{\"error\":\"missing or wrong webhook secret\",\"status\":401}";

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) {
    KafkaTestBroker.createRegistryTopics(Topics.DEFAULT_PARTITIONS, Topics.ALL);
    registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
  }

  /** Every provider served with its secret, as in production. */
  @Nested
  @TestPropertySource(properties = {
    "xofi.ingress.whatsapp.webhook-secret=" + WHAPI_SECRET,
    "xofi.ingress.whatsapp.app-secret=" + META_APP_SECRET,
    "xofi.ingress.telegram.webhook-secret=" + TELEGRAM_SECRET
  })
  class AllSecrets {

    @LocalServerPort private int port;

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
        refused.add(post(port, "/chatbot/webhook/whatsapp/", whapi(whapiNone), null, null));
        refused.add(post(port, "/chatbot/webhook/whatsapp/", whapi(whapiWrong), WhatsAppWebhookController.SECRET_HEADER, "guess"));
        refused.add(post(port, "/chatbot/webhook/whatsapp/", whapi(whapiBearer), "Authorization", "Bearer guess"));
        refused.add(post(port, "/chatbot/webhook/whatsapp/", meta(metaNone), null, null));
        refused.add(post(port, "/chatbot/webhook/whatsapp/", meta(metaWrong), "X-Hub-Signature-256", signature(meta(metaWrong), "guess")));
        refused.add(post(port, "/chatbot/webhook/whatsapp/", meta(metaWhapiSecret), WhatsAppWebhookController.SECRET_HEADER, WHAPI_SECRET));
        refused.add(post(port, "/chatbot/webhook/whatsapp/", meta(metaOtherBody), "X-Hub-Signature-256",
            signature(meta(metaOk), META_APP_SECRET)));
        refused.add(post(port, "/chatbot/webhook/telegram/", telegram(telegramNone), null, null));
        refused.add(post(port, "/chatbot/webhook/telegram/", telegram(telegramWrong), TelegramWebhookController.SECRET_HEADER, "guess"));
        List<Integer> accepted = List.of(
            post(port, "/chatbot/webhook/whatsapp/", whapi(whapiOk), WhatsAppWebhookController.SECRET_HEADER, WHAPI_SECRET),
            post(port, "/chatbot/webhook/whatsapp/", meta(metaOk), "X-Hub-Signature-256", signature(meta(metaOk), META_APP_SECRET)),
            post(port, "/chatbot/webhook/telegram/", telegram(telegramOk), TelegramWebhookController.SECRET_HEADER, TELEGRAM_SECRET));

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
      WebTestClient.ResponseSpec response = client(port).post().uri("/chatbot/webhook/whatsapp/")
          .contentType(MediaType.APPLICATION_JSON).bodyValue(whapi(phone())).exchange();

      // then
      response.expectStatus().isUnauthorized().expectBody(String.class).isEqualTo(UNAUTHORIZED_WHAPI);
    }
  }

  /** C1: WHATSAPP_WEBHOOK_SECRET set, WHATSAPP_APP_SECRET not, every provider served (local profile). */
  @Nested
  @ActiveProfiles("local")
  @TestPropertySource(properties = "xofi.ingress.whatsapp.webhook-secret=" + WHAPI_SECRET)
  class WhapiSecretOnly {

    @LocalServerPort private int port;

    @Test
    void shouldRefuseForgedMetaSignaturesAndAMetaBodyWithTheWhapiSecretWith401AndPublishNothing() {
      assertOnlyTheAuthenticWhapiWebhookIsPublished(port, List.of(401, 401, 401, 200));
    }
  }

  /** C1 as a WHAPI-only production deploys it: XOFI_WEBHOOK_PROVIDERS=whapi with its secret. */
  @Nested
  @TestPropertySource(properties = {
    "xofi.ingress.webhook.providers=whapi",
    "xofi.ingress.whatsapp.webhook-secret=" + WHAPI_SECRET
  })
  class WhapiServedOnly {

    @LocalServerPort private int port;

    @Test
    void shouldRefuseForgedMetaSignaturesWith401AndAMetaBodyWith404AndPublishNothing() {
      assertOnlyTheAuthenticWhapiWebhookIsPublished(port, List.of(401, 401, 404, 200));
    }
  }

  /**
   * Posts the C1 attack (a WHAPI body and a Meta body, each with a forged X-Hub-Signature-256, and a
   * Meta body with only the WHAPI secret) and then one authentic WHAPI webhook: they are answered
   * {@code expected} and only the authentic webhook reaches inbound-messages.
   */
  private static void assertOnlyTheAuthenticWhapiWebhookIsPublished(int port, List<Integer> expected) {
    try (TopicTail<InboundEnvelope> inbound =
        new TopicTail<>(KafkaTestBroker.bootstrapServers(), Topics.INBOUND_MESSAGES)) {
      // given
      String forgedWhapi = phone(), forgedMeta = phone(), metaWithWhapiSecret = phone(), authentic = phone();

      // when
      List<Integer> statuses = List.of(
          post(port, "/chatbot/webhook/whatsapp/", whapi(forgedWhapi), "X-Hub-Signature-256",
              signature(whapi(forgedWhapi), "attacker-key")),
          post(port, "/chatbot/webhook/whatsapp/", meta(forgedMeta), "X-Hub-Signature-256",
              signature(meta(forgedMeta), "attacker-key")),
          post(port, "/chatbot/webhook/whatsapp/", meta(metaWithWhapiSecret),
              WhatsAppWebhookController.SECRET_HEADER, WHAPI_SECRET),
          post(port, "/chatbot/webhook/whatsapp/", whapi(authentic),
              WhatsAppWebhookController.SECRET_HEADER, WHAPI_SECRET));

      // then
      assertThat(statuses).isEqualTo(expected);
      await().atMost(KafkaTestBroker.patience())
          .until(() -> inbound.poll().stream().anyMatch(r -> r.key().equals("wa:" + authentic)));
      // the refusals were answered before the authentic webhook was published: one more poll
      // would show a late record of theirs
      await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
      assertThat(inbound.poll().stream().map(Received::key).toList()).isEqualTo(List.of("wa:" + authentic));
    }
  }

  private static int post(int port, String path, String body, String header, String value) {
    WebTestClient.RequestBodySpec request = client(port).post().uri(path).contentType(MediaType.APPLICATION_JSON);
    if (header != null) {
      request = request.header(header, value);
    }
    return request.bodyValue(body).exchange().returnResult(byte[].class).getStatus().value();
  }

  private static WebTestClient client(int port) {
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
