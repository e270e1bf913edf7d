package pe.xofi.chat.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.xofi.chat.sandbox.SandboxTestSupport.NOW;
import static pe.xofi.chat.sandbox.SandboxTestSupport.json;

import java.nio.charset.StandardCharsets;
import java.util.List;
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
    properties = {"sandbox.api-token=test-token", "sandbox.webhook-secret=s3cret"})
@AutoConfigureWebTestClient
@Import(SandboxTestSupport.class)
class SandboxReplyTest {

  static final CapturingIngress INGRESS = CapturingIngress.start();

  @DynamicPropertySource
  static void ingress(DynamicPropertyRegistry registry) {
    registry.add("sandbox.ingress-url", INGRESS::url);
  }

  @Autowired WebTestClient web;

  private WebTestClient.ResponseSpec tap(String request) {
    return web.post().uri("/sandbox/inbox/reply").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(request.replace('\'', '"')).exchange();
  }

  private static String webhook(String id, String reply) {
    return "{'messages':[{'id':'" + id + "','from_me':false,'type':'reply',"
        + "'chat_id':'51987654321@s.whatsapp.net','timestamp':" + NOW + ",'source':'mobile',"
        + "'reply':" + reply + ",'context':{'quoted_id':'wamid.menu','quoted_type':'interactive'},"
        + "'from':'51987654321','from_name':'María'}],"
        + "'event':{'type':'messages','event':'post'},'channel_id':'SANDBOX'}";
  }

  @Test
  void shouldPostWhapisListReplyWebhookWithThePrefixedRowId() {
    // given
    int before = INGRESS.requests().size();

    // when
    JsonNode answer = json(tap("{'from':'51987654321','name':'María','quotedId':'wamid.menu','type':'list_reply',"
        + "'id':'menu.2','title':'Estado de cuenta','description':'El resumen de tus deudas'}")
        .expectStatus().isOk().expectBody().returnResult().getResponseBody());

    // then
    String id = answer.at("/webhook/messages/0/id").asString();
    JsonNode expected = json(webhook(id, "{'type':'list_reply','list_reply':{'id':'ListV3:menu.2',"
        + "'title':'Estado de cuenta','description':'El resumen de tus deudas'}}"));
    assertThat(answer.get("webhook")).isEqualTo(expected);
    List<CapturingIngress.Captured> received = INGRESS.requests().subList(before, INGRESS.requests().size());
    assertThat(received).hasSize(1);
    assertThat(json(received.getFirst().body().getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
  }

  @Test
  void shouldPostWhapisButtonsReplyWebhookWithTheButtonsV3Prefix() {
    // when
    JsonNode answer = json(tap("{'from':'51987654321','name':'María','quotedId':'wamid.menu',"
        + "'type':'buttons_reply','id':'loan.PR-1001','title':'PR-1001'}")
        .expectStatus().isOk().expectBody().returnResult().getResponseBody());

    // then
    String id = answer.at("/webhook/messages/0/id").asString();
    assertThat(answer.get("webhook")).isEqualTo(json(webhook(id,
        "{'type':'buttons_reply','buttons_reply':{'id':'ButtonsV3:loan.PR-1001','title':'PR-1001'}}")));
  }

  @Test
  void shouldShowTheTapInTheConversationAsTheChoicesTitle() {
    // given
    web.delete().uri("/sandbox/outbox?chat=51955566677").exchange().expectStatus().isNoContent();

    // when
    tap("{'from':'51955566677','type':'list_reply','id':'menu.3','title':'Mis préstamos'}").expectStatus().isOk();

    // then
    JsonNode conversation = json(web.get().uri("/sandbox/conversation?chat=51955566677").exchange()
        .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    assertThat(conversation.size()).isEqualTo(1);
    assertThat(conversation.at("/0/type").asString()).isEqualTo("reply");
    assertThat(conversation.at("/0/body").asString()).isEqualTo("Mis préstamos");
  }

  @Test
  void shouldRefuseATapOfAnUnknownKind() {
    // when
    JsonNode answer = json(tap("{'from':'51987654321','type':'button','id':'menu.1','title':'Mi información'}")
        .expectStatus().isBadRequest().expectBody().returnResult().getResponseBody());

    // then
    assertThat(answer.at("/error/message").asString()).isEqualTo("type must be buttons_reply or list_reply");
  }
}
