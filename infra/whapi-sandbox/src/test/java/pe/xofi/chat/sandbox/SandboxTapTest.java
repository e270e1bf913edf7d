package pe.xofi.chat.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.xofi.chat.sandbox.SandboxTestSupport.NOW;
import static pe.xofi.chat.sandbox.SandboxTestSupport.json;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "sandbox.api-token=test-token",
      "sandbox.providers.app-secret=meta-secret",
      "sandbox.providers.telegram-token=123:tg-token",
      "sandbox.providers.telegram-secret=tg-secret"
    })
@AutoConfigureWebTestClient
@Import(SandboxTestSupport.class)
class SandboxTapTest {

  static final CapturingIngress INGRESS = CapturingIngress.start();

  @DynamicPropertySource
  static void ingress(DynamicPropertyRegistry registry) {
    registry.add("sandbox.ingress-url", INGRESS::url);
    registry.add("sandbox.providers.telegram-ingress-url", INGRESS::url);
  }

  @Autowired WebTestClient web;

  private JsonNode tap(String path, String request) {
    return json(web.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(request.replace('\'', '"'))
        .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
  }

  @Test
  void shouldPostASignedMetaButtonReplyWithTheTappedIdAndTitle() throws Exception {
    // given
    int before = INGRESS.requests().size();

    // when
    JsonNode answer = tap("/sandbox/inbox/meta/tap", "{'from':'51955500004','id':'estado','title':'Estado de cuenta'}");

    // then
    JsonNode message = answer.at("/webhook/entry/0/changes/0/value/messages/0");
    assertThat(message).isEqualTo(json("{'from':'51955500004','id':'" + message.path("id").asString() + "',"
        + "'timestamp':'" + NOW + "','type':'interactive','interactive':{'type':'button_reply',"
        + "'button_reply':{'id':'estado','title':'Estado de cuenta'}}}"));
    CapturingIngress.Captured posted = INGRESS.requests().get(before);
    assertThat(json(posted.body().getBytes(StandardCharsets.UTF_8))).isEqualTo(answer.get("webhook"));
    assertThat(posted.signature()).isEqualTo("sha256=" + hmac("meta-secret", posted.body()));
  }

  @Test
  void shouldPostAMetaListReplyWhenTheTapIsOnAListRow() {
    // when
    JsonNode answer = tap("/sandbox/inbox/meta/tap", "{'from':'51955500004','id':'menu.2','title':'Estado de cuenta','list':true}");

    // then
    assertThat(answer.at("/webhook/entry/0/changes/0/value/messages/0/interactive"))
        .isEqualTo(json("{'type':'list_reply','list_reply':{'id':'menu.2','title':'Estado de cuenta'}}"));
  }

  @Test
  void shouldPostATelegramCallbackQueryOnTheBotsKeyboardWithTheSecretToken() {
    // given
    int before = INGRESS.requests().size();

    // when
    JsonNode answer = tap("/sandbox/inbox/telegram/tap", "{'from':'734561291','id':'estado','title':'Estado de cuenta'}");

    // then
    JsonNode update = answer.get("webhook");
    JsonNode callback = update.get("callback_query");
    long messageId = callback.at("/message/message_id").asLong();
    assertThat(update).isEqualTo(json("{'update_id':" + update.path("update_id").asLong() + ",'callback_query':{"
        + "'id':'" + callback.path("id").asString() + "',"
        + "'from':{'id':734561291,'is_bot':false,'first_name':'Socio Sandbox','language_code':'es'},"
        + "'message':{'message_id':" + messageId + ",'from':{'id':7000000001,'is_bot':true,'first_name':'Xofi Sandbox'},"
        + "'chat':{'id':734561291,'first_name':'Socio Sandbox','type':'private'},'date':" + NOW + ","
        + "'reply_markup':{'inline_keyboard':[[{'text':'Estado de cuenta','callback_data':'estado'}]]}},"
        + "'chat_instance':'734561291','data':'estado'}}"));
    assertThat(INGRESS.requests().get(before).telegramSecret()).isEqualTo("tg-secret");
  }

  @Test
  void shouldListTheCallbackQueriesTheBotAnswered() {
    // given
    web.post().uri("/bot123:tg-token/answerCallbackQuery").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"callback_query_id\":\"734561291042\"}").exchange().expectStatus().isOk();

    // when
    JsonNode answers = json(web.get().uri("/sandbox/telegram/callback-answers").exchange()
        .expectStatus().isOk().expectBody().returnResult().getResponseBody());

    // then
    assertThat(answers.valueStream().toList())
        .contains(json("{'callbackQueryId':'734561291042','timestamp':" + NOW + "}"));
  }

  @Test
  void shouldRefuseATapWithoutATitle() {
    web.post().uri("/sandbox/inbox/telegram/tap").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"from\":\"734561291\",\"id\":\"estado\"}").exchange().expectStatus().isBadRequest();
  }

  private static String hmac(String secret, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
