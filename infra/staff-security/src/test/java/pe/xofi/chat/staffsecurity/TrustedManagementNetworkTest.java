package pe.xofi.chat.staffsecurity;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/** With the default trusted networks (loopback), a local scraper reads actuator, health details included, without a login; the staff pages still need one. */
@SpringBootTest(classes = StaffTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrustedManagementNetworkTest {

  @LocalManagementPort int managementPort;
  @LocalServerPort int port;

  @Test
  void shouldServePrometheusAndHealthDetailsToALoopbackCallerWithoutLogin() {
    // given
    WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();

    // when / then
    management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    management.get().uri("/actuator/health").exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.components.diskSpace.details.free").exists();
  }

  @Test
  void shouldStillAskALoopbackCallerToLogInForTheStaffPages() {
    // given
    WebTestClient main = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();

    // when / then
    main.get().uri("/ops/conversations/{phone}", StaffTestApplication.KNOWN_PHONE).exchange().expectStatus().isUnauthorized();
  }
}
