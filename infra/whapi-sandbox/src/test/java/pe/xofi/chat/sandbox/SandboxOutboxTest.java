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
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "sandbox.api-token=test-token")
@AutoConfigureWebTestClient
@Import(SandboxTestSupport.class)
class SandboxOutboxTest {

  @Autowired WebTestClient web;

  @BeforeEach
  void emptyOutbox() {
    web.delete().uri("/sandbox/outbox").exchange().expectStatus().isNoContent();
  }

  private String send(String path, String request) {
    byte[] body = web.post().uri(path)
        .headers(h -> h.setBearerAuth("test-token"))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(request.replace('\'', '"'))
        .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody();
    return json(body).at("/message/id").asString();
  }

  private JsonNode get(String uri) {
    return json(web.get().uri(uri).exchange().expectStatus().isOk()
        .expectBody().returnResult().getResponseBody());
  }

  private static String text(String id, String chat, String to, String body) {
    return "{'id':'" + id + "','direction':'outbound','chat':'" + chat + "','to':'" + to + "',"
        + "'type':'text','body':'" + body + "','timestamp':" + NOW + ","
        + "'request':{'to':'" + to + "','body':'" + body + "'}}";
  }

  @Test
  void shouldListWhatWasSentToOneChatInArrivalOrder() {
    // given
    String first = send("/messages/text", "{'to':'51987654321','body':'Uno'}");
    send("/messages/text", "{'to':'51912345678','body':'Otro'}");
    String second = send("/messages/text", "{'to':'51987654321@s.whatsapp.net','body':'Dos'}");
    // when
    JsonNode outbox = get("/sandbox/outbox?chat=51987654321");
    // then
    assertThat(outbox).isEqualTo(json("[" + text(first, "51987654321", "51987654321", "Uno") + ","
        + text(second, "51987654321", "51987654321@s.whatsapp.net", "Dos") + "]"));
  }

  @Test
  void shouldListEverythingSentWithoutChat() {
    // given
    String first = send("/messages/text", "{'to':'51987654321','body':'Uno'}");
    String other = send("/messages/text", "{'to':'51912345678','body':'Otro'}");
    // when
    JsonNode outbox = get("/sandbox/outbox");
    // then
    assertThat(outbox).isEqualTo(json("[" + text(first, "51987654321", "51987654321", "Uno") + ","
        + text(other, "51912345678", "51912345678", "Otro") + "]"));
  }

  @Test
  void shouldShowInteractiveBodyTextAndFullRequest() {
    // given
    String list = "{'to':'51955566677','type':'list','body':{'text':'Elige un préstamo'},"
        + "'action':{'list':{'label':'Ver','sections':[{'title':'Préstamos','rows':[{'id':'L1','title':'PR-0001','description':'S/ 5,000.00'}]}]}}}";
    String id = send("/messages/interactive", list);
    // when
    JsonNode outbox = get("/sandbox/outbox?chat=51955566677");
    // then
    assertThat(outbox).isEqualTo(json("[{'id':'" + id + "','direction':'outbound','chat':'51955566677',"
        + "'to':'51955566677','type':'interactive','body':'Elige un préstamo','timestamp':" + NOW + ","
        + "'request':" + list + "}]"));
  }

  @Test
  void shouldForgetEverythingOnClear() {
    // given
    send("/messages/text", "{'to':'51987654321','body':'Uno'}");
    send("/messages/text", "{'to':'51912345678','body':'Otro'}");
    // when
    web.delete().uri("/sandbox/outbox").exchange().expectStatus().isNoContent();
    // then
    assertThat(get("/sandbox/outbox")).isEqualTo(json("[]"));
  }

  @Test
  void shouldForgetOnlyOneChatOnClearWithChat() {
    // given
    send("/messages/text", "{'to':'51987654321','body':'Uno'}");
    String other = send("/messages/text", "{'to':'51912345678','body':'Otro'}");
    // when
    web.delete().uri("/sandbox/outbox?chat=51987654321").exchange().expectStatus().isNoContent();
    // then
    assertThat(get("/sandbox/outbox")).isEqualTo(json("[" + text(other, "51912345678", "51912345678", "Otro") + "]"));
  }
}
