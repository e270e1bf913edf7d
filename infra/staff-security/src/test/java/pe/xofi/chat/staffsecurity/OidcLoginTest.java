package pe.xofi.chat.staffsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * OIDC as the production login: a registration with explicit endpoints (no discovery, so no
 * network) sends a browser that has no session to the provider's authorization endpoint.
 */
@SpringBootTest(
    classes = StaffTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.security.oauth2.client.registration.cooperativa.client-id=xofi-staff",
      "spring.security.oauth2.client.registration.cooperativa.client-secret=not-a-secret",
      "spring.security.oauth2.client.registration.cooperativa.authorization-grant-type=authorization_code",
      "spring.security.oauth2.client.registration.cooperativa.scope=openid",
      "spring.security.oauth2.client.registration.cooperativa.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
      "spring.security.oauth2.client.registration.cooperativa.provider=idp",
      "spring.security.oauth2.client.provider.idp.authorization-uri=https://idp.example.test/authorize",
      "spring.security.oauth2.client.provider.idp.token-uri=https://idp.example.test/token",
      "spring.security.oauth2.client.provider.idp.jwk-set-uri=https://idp.example.test/jwks",
      "spring.security.oauth2.client.provider.idp.user-name-attribute=sub"
    })
class OidcLoginTest {

  @LocalServerPort int port;

  @Test
  void shouldSendABrowserWithoutSessionToTheAuthorizationEndpoint() {
    // given
    WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();

    // when
    var first = client.get().uri("/ops/").accept(MediaType.TEXT_HTML).exchange()
        .expectStatus().isFound().returnResult(Void.class);
    String start = first.getResponseHeaders().getFirst(HttpHeaders.LOCATION);
    var second = client.get().uri(start).accept(MediaType.TEXT_HTML).exchange()
        .expectStatus().isFound().returnResult(Void.class);
    URI authorization = second.getResponseHeaders().getLocation();

    // then
    assertThat(start).isEqualTo("/oauth2/authorization/cooperativa");
    assertThat(authorization).hasScheme("https").hasHost("idp.example.test").hasPath("/authorize");
    var query = UriComponentsBuilder.fromUri(authorization).build().getQueryParams();
    assertThat(query.getFirst("response_type")).isEqualTo("code");
    assertThat(query.getFirst("client_id")).isEqualTo("xofi-staff");
    assertThat(query.getFirst("scope")).isEqualTo("openid");
  }

  @Test
  void shouldStillAnswer401ToAScriptWithoutCredentials() {
    // given
    WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();

    // when / then
    client.get().uri("/ops/conversations/{phone}", StaffTestApplication.KNOWN_PHONE).exchange().expectStatus().isUnauthorized();
  }
}
