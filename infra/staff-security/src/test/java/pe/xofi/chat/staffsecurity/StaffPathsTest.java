package pe.xofi.chat.staffsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** The staff paths, the public paths and everything else on a service's main port. */
@SpringBootTest(classes = StaffTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffPathsTest {

  private static final String UNKNOWN_PHONE = "51900000000";

  @DynamicPropertySource
  static void users(DynamicPropertyRegistry registry) {
    StaffLogins.register(registry);
  }

  @LocalServerPort int port;

  WebTestClient client;

  @BeforeEach
  void client() {
    client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
  }

  @Test
  void shouldAnswer401WithBasicChallengeToAnAnonymousTranscriptCall() {
    // when
    var result = client.get().uri("/ops/conversations/{phone}", StaffTestApplication.KNOWN_PHONE).exchange();

    // then
    result.expectStatus().isUnauthorized()
        .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Realm\"")
        .expectBody().isEmpty();
  }

  @Test
  void shouldAnswer401WithoutChallengeToTheOpsPageScript() {
    // when: ops.js asks with X-Requested-With, so the browser shows no Basic dialog
    var result = client.get().uri("/ops/conversations/{phone}", StaffTestApplication.KNOWN_PHONE)
        .header("X-Requested-With", "XMLHttpRequest").exchange();

    // then
    result.expectStatus().isUnauthorized().expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE);
  }

  @Test
  void shouldSendAnAnonymousBrowserToTheLoginPage() {
    // when
    var result = client.get().uri("/ops/").accept(MediaType.TEXT_HTML, MediaType.ALL).exchange();

    // then
    result.expectStatus().isFound().expectHeader().valueEquals(HttpHeaders.LOCATION, "/login");
  }

  @Test
  void shouldAnswerAnAgentTheSame403ForAKnownAndAnUnknownPhone() {
    // when
    var known = client.get().uri("/ops/conversations/{phone}", StaffTestApplication.KNOWN_PHONE)
        .headers(h -> h.setBasicAuth(StaffLogins.AGENT, StaffLogins.AGENT_PASSWORD)).exchange()
        .expectBody(String.class).returnResult();
    var unknown = client.get().uri("/ops/conversations/{phone}", UNKNOWN_PHONE)
        .headers(h -> h.setBasicAuth(StaffLogins.AGENT, StaffLogins.AGENT_PASSWORD)).exchange()
        .expectBody(String.class).returnResult();

    // then
    assertThat(known.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(unknown.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(unknown.getResponseBody()).isEqualTo(known.getResponseBody());
    assertThat(unknown.getResponseHeaders().getContentType()).isEqualTo(known.getResponseHeaders().getContentType());
    assertThat(unknown.getResponseHeaders().getContentLength()).isEqualTo(known.getResponseHeaders().getContentLength());
  }

  @Test
  void shouldServeTheTranscriptToAnOperatorWithBasic() {
    // when
    var result = client.get().uri("/ops/conversations/{phone}", StaffTestApplication.KNOWN_PHONE)
        .headers(h -> h.setBasicAuth(StaffLogins.OPERATOR, StaffLogins.OPERATOR_PASSWORD)).exchange();

    // then
    result.expectStatus().isOk().expectBody(String.class).isEqualTo("transcript of 51987654321");
  }

  @Test
  void shouldRefuseAWrongPassword() {
    // when
    var result = client.get().uri("/ops/conversations/{phone}", StaffTestApplication.KNOWN_PHONE)
        .headers(h -> h.setBasicAuth(StaffLogins.OPERATOR, "adivinada")).exchange();

    // then
    result.expectStatus().isUnauthorized();
  }

  @Test
  void shouldLogAnOperatorInWithSpringsLoginPageAndKeepTheSession() {
    // given: the login page with its CSRF token and session
    EntityExchangeResult<String> page = client.get().uri("/login").accept(MediaType.TEXT_HTML).exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult();
    Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(page.getResponseBody());
    assertThat(csrf.find()).as("CSRF field of the login page").isTrue();
    ResponseCookie session = page.getResponseCookies().getFirst("SESSION");

    // when
    var login = client.post().uri("/login").cookie("SESSION", session.getValue())
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("username", StaffLogins.OPERATOR)
            .with("password", StaffLogins.OPERATOR_PASSWORD).with("_csrf", csrf.group(1)))
        .exchange().expectStatus().isFound().returnResult(Void.class);
    ResponseCookie loggedIn = login.getResponseCookies().getFirst("SESSION");

    // then
    client.get().uri("/ops/conversations/{phone}", StaffTestApplication.KNOWN_PHONE)
        .cookie("SESSION", loggedIn.getValue()).exchange()
        .expectStatus().isOk().expectBody(String.class).isEqualTo("transcript of 51987654321");
  }

  @Test
  void shouldLetAnAnonymousWebhookPostThroughWithoutCsrfToken() {
    // when
    var result = client.post().uri("/chatbot/webhook/whatsapp").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"messages\":[]}").exchange();

    // then
    result.expectStatus().isOk().expectBody(String.class).isEqualTo("accepted");
  }

  @Test
  void shouldDenyAPathThatIsNeitherPublicNorStaffEvenToAnOperator() {
    // when
    var anonymous = client.get().uri("/internal").exchange();
    var operator = client.get().uri("/internal")
        .headers(h -> h.setBasicAuth(StaffLogins.OPERATOR, StaffLogins.OPERATOR_PASSWORD)).exchange();

    // then
    anonymous.expectStatus().isUnauthorized();
    operator.expectStatus().isForbidden();
  }

  @Test
  void shouldNotServeActuatorOnTheMainPort() {
    // when
    var result = client.get().uri("/actuator/prometheus")
        .headers(h -> h.setBasicAuth(StaffLogins.OPERATOR, StaffLogins.OPERATOR_PASSWORD)).exchange();

    // then
    result.expectStatus().isNotFound();
  }
}
