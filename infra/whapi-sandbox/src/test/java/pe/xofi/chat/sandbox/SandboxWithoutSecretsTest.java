package pe.xofi.chat.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pe.xofi.chat.sandbox.SandboxTestSupport.json;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox as its properties file leaves it, with no credential configured: it sends webhooks
 * without any secret (so an ingress that requires one refuses them), accepts no API token at all,
 * and answers this machine only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(SandboxTestSupport.class)
class SandboxWithoutSecretsTest {

  static final CapturingIngress INGRESS = CapturingIngress.requiring("the-ingress-secret");

  @DynamicPropertySource
  static void ingress(DynamicPropertyRegistry registry) {
    registry.add("sandbox.ingress-url", INGRESS::url);
    registry.add("sandbox.providers.telegram-ingress-url", INGRESS::url);
  }

  @Autowired WebTestClient web;
  @LocalServerPort int port;

  private JsonNode post(String path, String request) {
    return json(web.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(request.replace('\'', '"'))
        .exchange().expectStatus().isUnauthorized().expectBody().returnResult().getResponseBody());
  }

  @Test
  void shouldSendNoSecretWhenNoneIsConfiguredAndReportTheIngressRefusal() {
    // given
    int before = INGRESS.requests().size();

    // when
    JsonNode whapi = post("/sandbox/inbox", "{'from':'51987654321','text':'Hola'}");
    JsonNode meta = post("/sandbox/inbox/meta", "{'from':'51987654321','text':'Hola'}");
    JsonNode telegram = post("/sandbox/inbox/telegram", "{'from':'734561289','text':'Hola'}");

    // then
    for (JsonNode answer : List.of(whapi, meta, telegram)) {
      assertThat(answer.get("ingress")).isEqualTo(json("{'status':401,'body':{'error':'unauthorized'}}"));
    }
    List<CapturingIngress.Captured> received = INGRESS.requests().subList(before, INGRESS.requests().size());
    assertThat(received).hasSize(3);
    assertThat(received).allSatisfy(r -> {
      assertThat(r.secret()).isNull();
      assertThat(r.signature()).isNull();
      assertThat(r.telegramSecret()).isNull();
    });
  }

  @Test
  void shouldAcceptNoApiTokenWhenNoneIsConfigured() {
    // when / then: an empty bearer or query token is no token
    web.post().uri("/messages/text").header("Authorization", "Bearer ").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"to\":\"51987654321\",\"body\":\"Hola\"}").exchange().expectStatus().isUnauthorized();
    web.post().uri("/messages/text?token=").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"to\":\"51987654321\",\"body\":\"Hola\"}").exchange().expectStatus().isUnauthorized();
    web.get().uri("/settings").header("Authorization", "Bearer ").exchange().expectStatus().isUnauthorized();
    web.post().uri("/v21.0/100000000000001/messages").header("Authorization", "Bearer ").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"messaging_product\":\"whatsapp\",\"to\":\"51987654321\",\"type\":\"text\",\"text\":{\"body\":\"Hola\"}}")
        .exchange().expectStatus().isUnauthorized();
  }

  @Test
  void shouldAnswerOnTheLoopbackInterfaceOnly() throws IOException {
    // given
    Optional<InetAddress> external = externalAddress();
    Assumptions.assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");

    // when / then
    try (Socket loopback = new Socket()) {
      loopback.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
    }
    assertThatThrownBy(() -> {
      try (Socket outside = new Socket()) {
        outside.connect(new InetSocketAddress(external.get(), port), 2_000);
      }
    }).isInstanceOf(ConnectException.class);
  }

  private static Optional<InetAddress> externalAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(i -> {
          try {
            return i.isUp() && !i.isLoopback();
          } catch (SocketException e) {
            return false;
          }
        })
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .findFirst();
  }
}
