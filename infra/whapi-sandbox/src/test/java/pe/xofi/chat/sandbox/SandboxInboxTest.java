package pe.xofi.chat.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.xofi.chat.sandbox.SandboxTestSupport.NOW;
import static pe.xofi.chat.sandbox.SandboxTestSupport.json;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"sandbox.api-token=test-token", "sandbox.webhook-secret=s3cret"})
@AutoConfigureWebTestClient
@Import(SandboxTestSupport.class)
class SandboxInboxTest {

  static final CapturingIngress INGRESS = CapturingIngress.start();

  @DynamicPropertySource
  static void ingress(DynamicPropertyRegistry registry) {
    registry.add("sandbox.ingress-url", INGRESS::url);
  }

  @Autowired WebTestClient web;

  @BeforeEach
  void emptyOutbox() {
    web.delete().uri("/sandbox/outbox").exchange().expectStatus().isNoContent();
  }

  private WebTestClient.ResponseSpec write(String request) {
    return web.post().uri("/sandbox/inbox").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(request.replace('\'', '"')).exchange();
  }

  private static String webhook(String id, String from, String text, String name) {
    return "{'messages':[{'id':'" + id + "','from_me':false,'type':'text',"
        + "'chat_id':'" + from + "@s.whatsapp.net','timestamp':" + NOW + ",'source':'mobile',"
        + "'text':{'body':'" + text + "'},'from':'" + from + "','from_name':'" + name + "'}],"
        + "'event':{'type':'messages','event':'post'},'channel_id':'SANDBOX'}";
  }

  @Test
  void shouldPostWhapiWebhookToIngressAndReportItsAnswer() {
    // given
    int before = INGRESS.requests().size();
    // when
    byte[] body = write("{'from':'51987654321','text':'DNI 12345678 año 1985','name':'María'}")
        .expectStatus().isOk().expectBody().returnResult().getResponseBody();
    // then
    JsonNode answer = json(body);
    String id = answer.at("/webhook/messages/0/id").asString();
    assertThat(id).matches("p\\.[A-Za-z0-9.-]{32}");
    String webhook = webhook(id, "51987654321", "DNI 12345678 año 1985", "María");
    assertThat(answer).isEqualTo(json("{'webhook':" + webhook + ",'ingress':{'status':200,"
        + "'body':{'status':'accepted','messages':1}}}"));
    List<CapturingIngress.Captured> received = INGRESS.requests().subList(before, INGRESS.requests().size());
    assertThat(received).hasSize(1);
    CapturingIngress.Captured request = received.getFirst();
    assertThat(request.path()).isEqualTo(CapturingIngress.PATH);
    assertThat(request.contentType()).isEqualTo("application/json");
    assertThat(request.secret()).isEqualTo("s3cret");
    assertThat(json(request.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(json(webhook));
  }

  @Test
  void shouldUseDefaultProfileNameWhenNoneIsGiven() {
    // when
    byte[] body = write("{'from':'51912345678','text':'Hola'}")
        .expectStatus().isOk().expectBody().returnResult().getResponseBody();
    // then
    assertThat(json(body).at("/webhook/messages/0/from_name").asString()).isEqualTo("Socio Sandbox");
  }

  @Test
  void shouldShowBothSidesOfConversationInArrivalOrder() {
    // given
    String inbound = json(write("{'from':'51955566677','text':'Hola','name':'Rosa'}")
        .expectStatus().isOk().expectBody().returnResult().getResponseBody())
        .at("/webhook/messages/0/id").asString();
    String outbound = json(web.post().uri("/messages/text").headers(h -> h.setBearerAuth("test-token"))
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"to\":\"51955566677\",\"body\":\"¡Hola, Rosa!\"}")
        .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody())
        .at("/message/id").asString();
    // when
    JsonNode conversation = json(web.get().uri("/sandbox/conversation?chat=51955566677").exchange()
        .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    // then
    String message = webhook(inbound, "51955566677", "Hola", "Rosa");
    assertThat(conversation).isEqualTo(json("[{'id':'" + inbound + "','direction':'inbound',"
        + "'chat':'51955566677','type':'text','body':'Hola','timestamp':" + NOW + ",'request':"
        + json(message).at("/messages/0").toString().replace('"', '\'') + "},"
        + "{'id':'" + outbound + "','direction':'outbound','chat':'51955566677','to':'51955566677',"
        + "'type':'text','body':'¡Hola, Rosa!','timestamp':" + NOW + ","
        + "'request':{'to':'51955566677','body':'¡Hola, Rosa!'}}]"));
    assertThat(json(web.get().uri("/sandbox/outbox?chat=51955566677").exchange()
        .expectBody().returnResult().getResponseBody())).hasSize(1);
  }

  @Test
  void shouldRefuseMessageWithoutSender() {
    // when
    var response = write("{'text':'Hola'}");
    // then
    response.expectStatus().isBadRequest()
        .expectBody().json("{\"error\":{\"code\":400,\"message\":\"from must be 9 to 15 digits\"}}", JsonCompareMode.STRICT);
  }

  @Test
  void shouldRefuseMessageWithoutText() {
    // when
    var response = write("{'from':'51987654321','text':' '}");
    // then
    response.expectStatus().isBadRequest()
        .expectBody().json("{\"error\":{\"code\":400,\"message\":\"text is required\"}}", JsonCompareMode.STRICT);
  }
}
