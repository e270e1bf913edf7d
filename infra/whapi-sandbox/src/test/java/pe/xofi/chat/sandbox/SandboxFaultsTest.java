package pe.xofi.chat.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code POST /sandbox/faults}: failing sends by count or period, and the sandbox's own rate limit. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "sandbox.api-token=test-token")
@AutoConfigureWebTestClient
@Import(SandboxTestSupport.class)
class SandboxFaultsTest {

  @Autowired WebTestClient web;

  @AfterEach
  void clearFaults() {
    web.delete().uri("/sandbox/faults").exchange().expectStatus().isNoContent();
  }

  private void faults(String plan) {
    web.post().uri("/sandbox/faults").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(plan.replace('\'', '"')).exchange().expectStatus().isOk();
  }

  private WebTestClient.ResponseSpec send() {
    return web.post().uri("/messages/text").headers(h -> h.setBearerAuth("test-token"))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"to\":\"51987654321\",\"body\":\"Hola\"}").exchange();
  }

  @Test
  void shouldAnswerNextSendsWith429AndRetryAfterThenAcceptAgain() {
    // given
    faults("{'next':2,'status':429,'retryAfterSeconds':3}");
    // when
    var first = send();
    var second = send();
    var third = send();
    // then
    first.expectStatus().isEqualTo(429).expectHeader().valueEquals("Retry-After", "3")
        .expectBody().json("{\"error\":{\"code\":429,\"message\":\"Too many requests\"}}", JsonCompareMode.STRICT);
    second.expectStatus().isEqualTo(429);
    third.expectStatus().isCreated();
  }

  @Test
  void shouldAnswer429WithoutRetryAfterWhenNoneIsAsked() {
    // given
    faults("{'next':1,'status':429}");
    // when
    var response = send();
    // then
    response.expectStatus().isEqualTo(429).expectHeader().doesNotExist("Retry-After");
  }

  @Test
  void shouldFailEverySendDuringAnOutage() {
    // given
    faults("{'forSeconds':60,'status':500}");
    // when
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      statuses.add(send().returnResult(String.class).getStatus().value());
    }
    // then
    assertThat(statuses).containsExactly(500, 500, 500);
  }

  @Test
  void shouldHoldTheAnswerOfATimeoutThen504() {
    // given
    faults("{'next':1,'timeout':true,'timeoutSeconds':1}");
    // when
    long start = System.nanoTime();
    var response = send();
    // then
    response.expectStatus().isEqualTo(504);
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(1_000_000_000L);
  }

  @Test
  void shouldAnswer429AboveItsRateLimitAndReportCounts() {
    // given
    faults("{'rateLimit':5}");
    // when
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      statuses.add(send().returnResult(String.class).getStatus().value());
    }
    // then
    assertThat(statuses).containsExactly(201, 201, 201, 201, 201, 429, 429);
    web.get().uri("/sandbox/faults").exchange().expectBody().json(
        "{\"plan\":{\"rateLimit\":5},\"remaining\":0,\"accepted\":5,\"faulted\":0,\"rateLimited\":2}",
        JsonCompareMode.STRICT);
  }
}
