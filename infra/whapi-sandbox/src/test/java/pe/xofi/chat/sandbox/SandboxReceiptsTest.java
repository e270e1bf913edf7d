package pe.xofi.chat.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.xofi.chat.sandbox.SandboxTestSupport.NOW;
import static pe.xofi.chat.sandbox.SandboxTestSupport.json;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"sandbox.api-token=test-token", "sandbox.receipt-limit=2"})
@AutoConfigureWebTestClient
@Import(SandboxTestSupport.class)
class SandboxReceiptsTest {

  @Autowired WebTestClient web;

  @BeforeEach
  void forgetReceipts() {
    web.delete().uri("/sandbox/receipts").exchange().expectStatus().isNoContent();
  }

  private String send(String to) {
    byte[] body = web.post().uri("/messages/text")
        .headers(h -> h.setBearerAuth("test-token"))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"to\":\"" + to + "\",\"body\":\"Hola\"}")
        .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody();
    return json(body).at("/message/id").asString();
  }

  private JsonNode get(String uri) {
    return json(web.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
  }

  private static String receipt(long seq, String id, String chat) {
    return "{\"seq\":" + seq + ",\"id\":\"" + id + "\",\"chat\":\"" + chat + "\",\"at\":" + NOW * 1000 + "}";
  }

  @Test
  void shouldListEachAcceptedSendWithItsArrivalTimeFromTheGivenNumberOn() {
    // given
    long start = get("/sandbox/receipts").size();
    String first = send("51987654321");
    String second = send("51912345678@s.whatsapp.net");
    // when
    JsonNode all = get("/sandbox/receipts?after=0");
    // then
    assertThat(start).isZero();
    JsonNode expected = json("[" + receipt(all.get(0).get("seq").asLong(), first, "51987654321") + ","
        + receipt(all.get(0).get("seq").asLong() + 1, second, "51912345678") + "]");
    assertThat(all).isEqualTo(expected);
    assertThat(get("/sandbox/receipts?after=" + (all.get(0).get("seq").asLong() + 1))).isEqualTo(json("[" + receipt(all.get(1).get("seq").asLong(), second, "51912345678") + "]"));
  }

  @Test
  void shouldKeepOnlyTheNewestReceiptsUpToTheLimit() {
    // given
    send("51900000001");
    String second = send("51900000002");
    String third = send("51900000003");
    // when
    JsonNode all = get("/sandbox/receipts?after=0");
    // then
    long seq = all.get(0).get("seq").asLong();
    assertThat(all).isEqualTo(json("[" + receipt(seq, second, "51900000002") + "," + receipt(seq + 1, third, "51900000003") + "]"));
  }
}
