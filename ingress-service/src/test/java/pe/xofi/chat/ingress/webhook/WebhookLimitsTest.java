package pe.xofi.chat.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
import pe.xofi.chat.ingress.webhook.meta.MetaSignature;
import pe.xofi.chat.ingress.webhook.telegram.TelegramWebhookController;
import pe.xofi.chat.ingress.webhook.whapi.WebhookSliceConfiguration;
import pe.xofi.chat.ingress.webhook.whapi.WhatsAppWebhookController;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.Sender;

/**
 * The input limits of security review H5, H7 and M7, on the three providers' endpoints: fields over
 * the provider's own limit are cut, ids and links over their cap refuse the message, a webhook of more
 * than {@code xofi.ingress.webhook.max-messages} items is refused whole, and none of these is ever
 * answered 503 (docs/INPUT-LIMITS.md).
 */
@WebFluxTest(
    controllers = {WhatsAppWebhookController.class, TelegramWebhookController.class},
    properties = {
      "xofi.ingress.whatsapp.webhook-secret=" + WebhookLimitsTest.SECRET,
      "xofi.ingress.whatsapp.app-secret=" + WebhookLimitsTest.APP_SECRET,
      "xofi.ingress.telegram.webhook-secret=" + WebhookLimitsTest.SECRET
    })
@Import(WebhookSliceConfiguration.class)
class WebhookLimitsTest {

  static final String SECRET = "limits-secret";
  static final String APP_SECRET = "limits-app-secret";

  private static final String WHATSAPP = "/chatbot/webhook/whatsapp/";
  private static final String TELEGRAM = "/chatbot/webhook/telegram/";

  private static final String ID_REFUSED =
      "{\"error\":\"every message of the webhook is refused: 1 with an id over its cap (message and status ids"
          + " 128 characters, media, button, sender and callback ids 256)\",\"status\":422}";

  @Autowired private WebTestClient client;
  @Autowired private RecordingPublisher publisher;
  @Autowired private MeterRegistry meters;

  @BeforeEach
  void reset() {
    publisher.reset();
    meters.clear();
  }

  @Test
  void shouldCutAWhapiTextLongerThanWhatsAppAllowsAndPublishIt() {
    // given
    String webhook = whapi(whapiText("m-long", "a".repeat(5_000)));

    // when
    EntityExchangeResult<byte[]> result = post(WHATSAPP, webhook);

    // then
    assertThat(body(result)).isEqualTo("{\"status\":\"accepted\",\"messages\":1,\"statuses\":0}");
    assertThat(onlyEnvelope().raw().path("text").path("body").stringValue()).isEqualTo("a".repeat(4_096));
    assertThat(meters.get("xofi.ingress.fields.cut").tags("provider", "whapi", "field", "text.body").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void shouldCutTheReviewsOneMegabyteCaptionToWhatsAppsCaptionLimit() {
    // given: security review H2, a caption of "monto", about 1 MB of spaces and "x"
    String caption = "monto" + " ".repeat(1_000_000) + "x";
    String webhook = whapi(
        """
        {"id":"m-h2","from_me":false,"type":"image","chat_id":"51900000501@s.whatsapp.net",\
        "image":{"id":"x","mime_type":"image/png","file_size":10,"caption":"%s"},"from":"51900000501"}"""
            .formatted(caption));

    // when
    EntityExchangeResult<byte[]> result = post(WHATSAPP, webhook);

    // then
    assertThat(body(result)).isEqualTo("{\"status\":\"accepted\",\"messages\":1,\"statuses\":0}");
    assertThat(onlyEnvelope().raw().path("image").path("caption").stringValue()).isEqualTo(caption.substring(0, 1_024));
  }

  @Test
  void shouldCutTheReviewsSixHundredKilobyteSenderNameInsteadOfAnsweringRetryLater() {
    // given: security review M7, a from_name of 600 KB that made a record over Kafka's limit (503)
    String webhook = whapi(
        """
        {"id":"big-1","type":"text","chat_id":"51900000921@s.whatsapp.net","text":{"body":"x"},\
        "from_name":"%s"}""".formatted("N".repeat(600_000)));

    // when
    EntityExchangeResult<byte[]> result = post(WHATSAPP, webhook);

    // then
    assertThat(body(result)).isEqualTo("{\"status\":\"accepted\",\"messages\":1,\"statuses\":0}");
    InboundEnvelope envelope = onlyEnvelope();
    assertThat(envelope.sender()).isEqualTo(new Sender(null, "N".repeat(256)));
    assertThat(envelope.raw().path("from_name").stringValue()).isEqualTo("N".repeat(256));
  }

  @Test
  void shouldRefuseWith422AWebhookWhoseOnlyMessageHasTheReviewsOversizedId() {
    // given: security review H5, a message id of 300,000 characters
    String webhook = whapi(whapiText("W".repeat(300_000) + "1", "hola"));

    // when
    EntityExchangeResult<byte[]> result = post(WHATSAPP, webhook);

    // then
    assertThat(result.getStatus().value()).isEqualTo(422);
    assertThat(body(result)).isEqualTo(ID_REFUSED);
    assertThat(publisher.published()).isEmpty();
    assertThat(meters.get("xofi.ingress.records.skipped").tags("provider", "whapi", "reason", "id_too_long")
            .counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void shouldPublishTheOtherMessagesOfAWebhookAndSkipTheOneWhoseLinkIsOverItsCap() {
    // given
    String longLink =
        """
        {"id":"m-link","from_me":false,"type":"image","chat_id":"51900000502@s.whatsapp.net",\
        "image":{"id":"jpeg-1","mime_type":"image/jpeg","file_size":10,"link":"https://gate.whapi.cloud/%s"},\
        "from":"51900000502"}""".formatted("p".repeat(3_000));
    String webhook = whapi(longLink + "," + whapiText("m-ok", "hola"));

    // when
    EntityExchangeResult<byte[]> result = post(WHATSAPP, webhook);

    // then
    assertThat(body(result)).isEqualTo("{\"status\":\"accepted\",\"messages\":1,\"statuses\":0}");
    assertThat(onlyEnvelope().messageId()).isEqualTo("m-ok");
    assertThat(meters.get("xofi.ingress.records.skipped").tags("provider", "whapi", "reason", "link_too_long")
            .counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void shouldAnswer413AndPublishNothingForAWebhookOfMoreMessagesThanAllowed() {
    // given: security review H7, one webhook carrying messages from many phones
    String webhook = whapi(IntStream.range(0, 101)
        .mapToObj(i -> whapiText("amp-" + i, "hola").replace("51900000501", Long.toString(51_900_100_000L + i)))
        .collect(Collectors.joining(",")));

    // when
    EntityExchangeResult<byte[]> result = post(WHATSAPP, webhook);

    // then
    assertThat(result.getStatus().value()).isEqualTo(413);
    assertThat(body(result))
        .isEqualTo("{\"error\":\"webhook carries 101 messages and statuses; at most 100 are accepted\",\"status\":413}");
    assertThat(publisher.published()).isEmpty();
  }

  @Test
  void shouldAcceptAWebhookOfExactlyTheMostMessagesAllowed() {
    // given
    String webhook = whapi(IntStream.range(0, 100)
        .mapToObj(i -> whapiText("ok-" + i, "hola"))
        .collect(Collectors.joining(",")));

    // when
    EntityExchangeResult<byte[]> result = post(WHATSAPP, webhook);

    // then
    assertThat(body(result)).isEqualTo("{\"status\":\"accepted\",\"messages\":100,\"statuses\":0}");
  }

  @Test
  void shouldCutAMetaTextAndContactNameAndRefuseAMetaMessageWithAnOversizedId() {
    // given
    String cut = meta("Socio " + "x".repeat(300), "{\"from\":\"51987654321\",\"id\":\"wamid.LONG\","
        + "\"timestamp\":\"1504902988\",\"type\":\"text\",\"text\":{\"body\":\"" + "b".repeat(4_100) + "\"}}");
    String refused = meta("Socio", "{\"from\":\"51987654321\",\"id\":\"wamid." + "I".repeat(200)
        + "\",\"timestamp\":\"1504902988\",\"type\":\"text\",\"text\":{\"body\":\"hola\"}}");

    // when
    EntityExchangeResult<byte[]> accepted = postMeta(cut);
    EntityExchangeResult<byte[]> rejected = postMeta(refused);

    // then
    assertThat(body(accepted)).isEqualTo("{\"status\":\"accepted\",\"messages\":1,\"statuses\":0}");
    InboundEnvelope envelope = onlyEnvelope();
    assertThat(List.of(envelope.sender().name(), envelope.raw().path("text").path("body").stringValue()))
        .isEqualTo(List.of(("Socio " + "x".repeat(300)).substring(0, 256), "b".repeat(4_096)));
    assertThat(rejected.getStatus().value()).isEqualTo(422);
    assertThat(body(rejected)).isEqualTo(ID_REFUSED);
  }

  @Test
  void shouldCutATelegramCaptionAndRefuseCallbackDataOverItsCap() {
    // given
    String photo =
        """
        {"update_id":873451301,"message":{"message_id":60,"from":{"id":734561289,"is_bot":false,\
        "first_name":"María"},"chat":{"id":734561289,"type":"private"},"date":1736953200,\
        "photo":[{"file_id":"AgACAgEAAxkBAAM","file_unique_id":"u1","width":90,"height":90}],\
        "caption":"%s"}}""".formatted("c".repeat(2_000));
    String tap =
        """
        {"update_id":873451302,"callback_query":{"id":"4382bfdwdsb323b2d9","from":{"id":734561289,\
        "is_bot":false,"first_name":"María"},"message":{"message_id":57,"chat":{"id":734561289,\
        "type":"private"},"date":1736953202,"text":"Menú"},"chat_instance":"-1","data":"%s"}}"""
            .formatted("d".repeat(300));

    // when
    EntityExchangeResult<byte[]> accepted = post(TELEGRAM, photo);
    EntityExchangeResult<byte[]> rejected = post(TELEGRAM, tap);

    // then
    assertThat(body(accepted)).isEqualTo("{\"status\":\"accepted\",\"messages\":1,\"statuses\":0}");
    assertThat(onlyEnvelope().raw().path("message").path("caption").stringValue()).isEqualTo("c".repeat(1_024));
    assertThat(rejected.getStatus().value()).isEqualTo(422);
    assertThat(body(rejected)).isEqualTo(ID_REFUSED);
  }

  private InboundEnvelope onlyEnvelope() {
    List<PendingRecord<?>> records = publisher.published().getFirst().records();
    assertThat(records).hasSize(1);
    return (InboundEnvelope) records.getFirst().value();
  }

  private static String whapi(String messages) {
    return "{\"messages\":[" + messages + "],\"event\":{\"type\":\"messages\",\"event\":\"post\"},\"channel_id\":\"A\"}";
  }

  private static String whapiText(String id, String body) {
    return """
        {"id":"%s","from_me":false,"type":"text","chat_id":"51900000501@s.whatsapp.net",\
        "timestamp":1762876458,"text":{"body":"%s"},"from":"51900000501"}""".formatted(id, body);
  }

  private static String meta(String contactName, String message) {
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"WABA-1\",\"changes\":[{\"value\":"
        + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550000000\","
        + "\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":\"" + contactName
        + "\"},\"wa_id\":\"51987654321\"}],\"messages\":[" + message + "]},\"field\":\"messages\"}]}]}";
  }

  private EntityExchangeResult<byte[]> post(String path, String webhook) {
    return client.post().uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .header(WhatsAppWebhookController.SECRET_HEADER, SECRET)
        .header(TelegramWebhookController.SECRET_HEADER, SECRET)
        .bodyValue(webhook)
        .exchange()
        .expectBody()
        .returnResult();
  }

  private EntityExchangeResult<byte[]> postMeta(String webhook) {
    byte[] bytes = webhook.getBytes(StandardCharsets.UTF_8);
    return client.post().uri(WHATSAPP)
        .contentType(MediaType.APPLICATION_JSON)
        .header(MetaSignature.HEADER, MetaSignature.header(APP_SECRET, bytes))
        .bodyValue(bytes)
        .exchange()
        .expectBody()
        .returnResult();
  }

  private static String body(EntityExchangeResult<byte[]> result) {
    return new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
  }
}
