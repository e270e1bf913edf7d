package pe.xofi.chat.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.xofi.chat.sandbox.SandboxTestSupport.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(SandboxTestSupport.class)
class SandboxInboxUnreachableTest {

  static final String CLOSED_URL = "http://localhost:" + closedPort() + "/chatbot/webhook/whatsapp/";

  @DynamicPropertySource
  static void ingress(DynamicPropertyRegistry registry) {
    registry.add("sandbox.ingress-url", () -> CLOSED_URL);
  }

  @Autowired WebTestClient web;

  @Test
  void shouldAnswer502WithWebhookWhenIngressIsUnreachable() {
    // when
    byte[] body = web.post().uri("/sandbox/inbox").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"from\":\"51987654321\",\"text\":\"Hola\",\"name\":\"María\"}")
        .exchange().expectStatus().isEqualTo(502)
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectBody().returnResult().getResponseBody();
    // then
    JsonNode answer = json(body);
    assertThat(answer.at("/webhook/messages/0/text/body").asString()).isEqualTo("Hola");
    assertThat(answer.get("ingress")).isEqualTo(json(
        "{'error':'ingress unreachable at " + CLOSED_URL + ": WebClientRequestException'}"));
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
