package pe.xofi.chat.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.xofi.chat.sandbox.SandboxTestSupport.NOW;
import static pe.xofi.chat.sandbox.SandboxTestSupport.json;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "sandbox.api-token=test-token")
@AutoConfigureWebTestClient
@Import(SandboxTestSupport.class)
class WhapiMessagesTest {

  @Autowired WebTestClient web;

  @BeforeEach
  void emptyOutbox() {
    web.delete().uri("/sandbox/outbox").exchange().expectStatus().isNoContent();
  }

  private WebTestClient.ResponseSpec post(String path, String token, String body) {
    return web.post()
        .uri(path)
        .headers(h -> {
          if (token != null) {
            h.setBearerAuth(token);
          }
        })
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body.replace('\'', '"'))
        .exchange();
  }

  @Test
  void shouldRefuseSendWithoutTokenWithWhapiError() {
    // when
    var response = post("/messages/text", null, "{'to':'51987654321','body':'Hola'}");
    // then
    response.expectStatus().isUnauthorized()
        .expectBody().json("{\"error\":{\"code\":401,\"message\":\"Need channel authorization\"}}", JsonCompareMode.STRICT);
  }

  @Test
  void shouldRefuseSendWithWrongToken() {
    // when
    var response = post("/messages/interactive", "wrong", "{'to':'51987654321','body':'Hola'}");
    // then
    response.expectStatus().isUnauthorized()
        .expectBody().json("{\"error\":{\"code\":401,\"message\":\"Need channel authorization\"}}", JsonCompareMode.STRICT);
    assertThat(outbox()).isEqualTo(json("[]"));
  }

  @Test
  void shouldAcceptTokenAsQueryParameterAsWhapiDoes() {
    // when
    var response = post("/messages/text?token=test-token", null, "{'to':'51987654321','body':'Hola'}");
    // then
    response.expectStatus().isCreated();
  }

  @Test
  void shouldRefuseTextWithoutBody() {
    // when
    var response = post("/messages/text", "test-token", "{'to':'51987654321'}");
    // then
    response.expectStatus().isBadRequest()
        .expectBody().json("{\"error\":{\"code\":400,\"message\":\"body is required\"}}", JsonCompareMode.STRICT);
    assertThat(outbox()).isEqualTo(json("[]"));
  }

  @Test
  void shouldRefuseTextWithoutRecipient() {
    // when
    var response = post("/messages/text", "test-token", "{'body':'Hola'}");
    // then
    response.expectStatus().isBadRequest()
        .expectBody().json("{\"error\":{\"code\":400,\"message\":\"to is required\"}}", JsonCompareMode.STRICT);
  }

  @Test
  void shouldRefuseRecipientThatIsNotAPhoneOrChatId() {
    // when
    var response = post("/messages/text", "test-token", "{'to':'maria','body':'Hola'}");
    // then
    response.expectStatus().isBadRequest()
        .expectBody().json("{\"error\":{\"code\":400,\"message\":\"to must be a phone number or a chat id\"}}", JsonCompareMode.STRICT);
  }

  @Test
  void shouldRefuseBodyThatIsNotJson() {
    // when
    var response = post("/messages/text", "test-token", "not json");
    // then
    response.expectStatus().isBadRequest()
        .expectBody().json("{\"error\":{\"code\":400,\"message\":\"request body must be valid JSON\"}}", JsonCompareMode.STRICT);
  }

  @Test
  void shouldRefuseInteractiveWithoutAction() {
    // when
    var response = post("/messages/interactive", "test-token", "{'to':'51987654321','type':'button','body':{'text':'Elige'}}");
    // then
    response.expectStatus().isBadRequest()
        .expectBody().json("{\"error\":{\"code\":400,\"message\":\"action is required\"}}", JsonCompareMode.STRICT);
  }

  @Test
  void shouldAnswerTextSendWithPendingSentMessage() {
    // when
    byte[] body = post("/messages/text", "test-token", "{'to':'51987654321','body':'*Hola* María'}")
        .expectStatus().isCreated()
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectBody().returnResult().getResponseBody();
    // then
    JsonNode answer = json(body);
    String id = answer.at("/message/id").asString();
    assertThat(id).matches("[A-Za-z0-9_-]{22}");
    assertThat(answer).isEqualTo(json("{'sent':true,'message':{'id':'" + id + "','from_me':true,"
        + "'type':'text','chat_id':'51987654321@s.whatsapp.net','timestamp':" + NOW + ","
        + "'status':'pending','text':{'body':'*Hola* María'}}}"));
  }

  @Test
  void shouldKeepChatIdGivenAsRecipient() {
    // when
    byte[] body = post("/messages/text", "test-token", "{'to':'51987654321@s.whatsapp.net','body':'Hola'}")
        .expectStatus().isCreated().expectBody().returnResult().getResponseBody();
    // then
    assertThat(json(body).at("/message/chat_id").asString()).isEqualTo("51987654321@s.whatsapp.net");
  }

  @Test
  void shouldAnswerInteractiveSendWithItsContent() {
    // given
    String buttons = "{'type':'button','header':{'text':'Menú'},'body':{'text':'¿Qué deseas hacer?'},"
        + "'footer':{'text':'Xofi Recaudo'},'action':{'buttons':[{'type':'quick_reply','title':'Mis deudas','id':'debts'},"
        + "{'type':'quick_reply','title':'Mis préstamos','id':'loans'}]},'to':'51912345678'}";
    // when
    byte[] body = post("/messages/interactive", "test-token", buttons)
        .expectStatus().isCreated().expectBody().returnResult().getResponseBody();
    // then
    JsonNode answer = json(body);
    String id = answer.at("/message/id").asString();
    assertThat(answer).isEqualTo(json("{'sent':true,'message':{'id':'" + id + "','from_me':true,"
        + "'type':'interactive','chat_id':'51912345678@s.whatsapp.net','timestamp':" + NOW + ","
        + "'status':'pending','interactive':{'type':'button','header':{'text':'Menú'},"
        + "'body':{'text':'¿Qué deseas hacer?'},'footer':{'text':'Xofi Recaudo'},"
        + "'action':{'buttons':[{'type':'quick_reply','title':'Mis deudas','id':'debts'},"
        + "{'type':'quick_reply','title':'Mis préstamos','id':'loans'}]}}}}"));
  }

  private JsonNode outbox() {
    return json(web.get().uri("/sandbox/outbox").exchange()
        .expectStatus().isOk().expectBody().returnResult().getResponseBody());
  }
}
