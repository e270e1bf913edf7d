package pe.xofi.chat.staffsecurity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The filter chain of the main context also guards actuator on the separate management port (a
 * child context with its own server): the tests call from 127.0.0.1, which is outside the trusted
 * network configured here.
 */
@SpringBootTest(
    classes = StaffTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "xofi.staff.management-trusted-networks=192.0.2.0/24")
class ManagementPortTest {

  @DynamicPropertySource
  static void users(DynamicPropertyRegistry registry) {
    StaffLogins.register(registry);
  }

  @LocalManagementPort int managementPort;

  WebTestClient management;

  @BeforeEach
  void client() {
    management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
  }

  @Test
  void shouldAnswer401ToAnAnonymousPrometheusScrapeFromAnUntrustedNetwork() {
    // when
    var result = management.get().uri("/actuator/prometheus").exchange();

    // then
    result.expectStatus().isUnauthorized().expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Realm\"");
  }

  @Test
  void shouldServePrometheusToAnOperator() {
    // when
    var result = management.get().uri("/actuator/prometheus")
        .headers(h -> h.setBasicAuth(StaffLogins.OPERATOR, StaffLogins.OPERATOR_PASSWORD)).exchange();

    // then
    result.expectStatus().isOk().expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body).contains("jvm_memory_used_bytes"));
  }

  @Test
  void shouldRefusePrometheusToAnAgent() {
    // when
    var result = management.get().uri("/actuator/prometheus")
        .headers(h -> h.setBasicAuth(StaffLogins.AGENT, StaffLogins.AGENT_PASSWORD)).exchange();

    // then
    result.expectStatus().isForbidden();
  }

  @Test
  void shouldAnswerTheProbesAnonymouslyWithTheStatusOnly() {
    // when / then
    management.get().uri("/actuator/health/liveness").exchange()
        .expectStatus().isOk().expectBody().json("{\"status\":\"UP\"}", org.springframework.test.json.JsonCompareMode.STRICT);
    management.get().uri("/actuator/health/readiness").exchange()
        .expectStatus().isOk().expectBody().json("{\"status\":\"UP\"}", org.springframework.test.json.JsonCompareMode.STRICT);
  }

  @Test
  void shouldAnswer401ToAnAnonymousHealthCall() {
    // when
    var result = management.get().uri("/actuator/health").exchange();

    // then
    result.expectStatus().isUnauthorized();
  }

  @Test
  void shouldShowHealthDetailsToAnOperator() {
    // when
    var result = management.get().uri("/actuator/health")
        .headers(h -> h.setBasicAuth(StaffLogins.OPERATOR, StaffLogins.OPERATOR_PASSWORD)).exchange();

    // then
    result.expectStatus().isOk().expectBody().jsonPath("$.components.diskSpace.details.free").exists();
  }

  @Test
  void shouldNotServeTheStaffPagesOnTheManagementPort() {
    // when
    var result = management.get().uri("/ops/conversations/{phone}", StaffTestApplication.KNOWN_PHONE)
        .headers(h -> h.setBasicAuth(StaffLogins.OPERATOR, StaffLogins.OPERATOR_PASSWORD)).exchange();

    // then
    result.expectStatus().isNotFound();
  }
}
