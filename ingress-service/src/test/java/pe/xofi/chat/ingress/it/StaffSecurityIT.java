package pe.xofi.chat.ingress.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.testsupport.KafkaTestBroker;

/**
 * staff-security in the ingress: the webhooks stay public (no login, no CSRF token; their own
 * secret decides), actuator on the management port answers an untrusted caller only its probes.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "XOFI_WEBHOOK_PROVIDERS=whapi",
      "WHATSAPP_WEBHOOK_SECRET=" + StaffSecurityIT.SECRET,
      "xofi.ingress.whatsapp.webhook-secret=" + StaffSecurityIT.SECRET,
      // the tests call from 127.0.0.1: outside this network
      "xofi.staff.management-trusted-networks=192.0.2.0/24"
    })
class StaffSecurityIT {

  static final String SECRET = "staff-security-it-secret";

  private static final String WEBHOOK =
      """
      {"messages":[{"id":"staff-security-it-1","from_me":false,"type":"text",\
      "chat_id":"51902376744@s.whatsapp.net","timestamp":1762876458,"source":"mobile",\
      "text":{"body":"Hola"},"from":"51902376744","from_name":"Usuario"}],\
      "event":{"type":"messages","event":"post"},"channel_id":"CHANNEL-ID"}""";

  @DynamicPropertySource
  static void service(DynamicPropertyRegistry registry) {
    KafkaTestBroker.createRegistryTopics(Topics.DEFAULT_PARTITIONS, Topics.ALL);
    registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
    registry.add("xofi.staff.users", () -> "ana:operator:" + new BCryptPasswordEncoder(4).encode("clave-ana"));
  }

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;

  WebTestClient main;
  WebTestClient management;

  @BeforeEach
  void clients() {
    main = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
  }

  @Test
  void shouldAcceptAnAuthenticWebhookWithoutLoginOrCsrfToken() {
    // when
    var result = main.post().uri("/chatbot/webhook/whatsapp/").contentType(MediaType.APPLICATION_JSON)
        .header("X-Webhook-Secret", SECRET).bodyValue(WEBHOOK).exchange();

    // then
    result.expectStatus().isOk();
  }

  @Test
  void shouldAnswer401ToAnAnonymousPrometheusScrapeFromAnUntrustedNetwork() {
    // when / then
    management.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
  }

  @Test
  void shouldServePrometheusToAnOperator() {
    // when / then
    management.get().uri("/actuator/prometheus").headers(h -> h.setBasicAuth("ana", "clave-ana")).exchange()
        .expectStatus().isOk();
  }

  @Test
  void shouldAnswerTheLivenessProbeAnonymously() {
    // when / then
    management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
  }

  @Test
  void shouldServeNoActuatorAndNoOtherPathOnTheWebhookPort() {
    // when / then
    main.get().uri("/actuator/prometheus").headers(h -> h.setBasicAuth("ana", "clave-ana")).exchange()
        .expectStatus().isNotFound();
    main.get().uri("/ops/").exchange().expectStatus().isUnauthorized();
  }
}
