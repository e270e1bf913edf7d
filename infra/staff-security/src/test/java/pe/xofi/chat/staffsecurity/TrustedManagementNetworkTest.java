package pe.xofi.chat.staffsecurity;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

/** With the default trusted networks (loopback), a local scraper reads actuator without a login, but no health details (status and probe groups only). */
@SpringBootTest(classes = StaffTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrustedManagementNetworkTest {

  @LocalManagementPort int managementPort;

  @Test
  void shouldServePrometheusAndHealthStatusToALoopbackCallerWithoutLogin() {
    // given
    WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();

    // when / then
    management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    management.get().uri("/actuator/health").exchange()
        .expectStatus().isOk().expectBody().json("{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}", JsonCompareMode.STRICT);
  }
}
