package pe.xofi.chat.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.xofi.chat.sandbox.SandboxTestSupport.json;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** {@code POST /sandbox/media} keeps a file for {@code GET /media/{id}} without posting a webhook. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "sandbox.api-token=test-token")
@AutoConfigureWebTestClient
@Import(SandboxTestSupport.class)
class SandboxMediaUploadTest {

  @Autowired WebTestClient web;

  @Test
  void shouldKeepAnUploadedFileAndServeItByItsMediaId() throws Exception {
    // given
    String base64 = Base64.getEncoder().encodeToString(SandboxMediaTest.PNG);

    // when
    JsonNode answer = json(web.post().uri("/sandbox/media").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"mimeType\":\"image/png\",\"name\":\"voucher.png\",\"base64\":\"" + base64 + "\"}")
        .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());

    // then
    String mediaId = answer.get("id").asString();
    assertThat(mediaId).matches("png-[0-9a-f]{32}");
    assertThat(answer).isEqualTo(json("{\"id\":\"" + mediaId + "\",\"mime_type\":\"image/png\",\"file_size\":"
        + SandboxMediaTest.PNG.length + ",\"sha256\":\"" + SandboxMediaTest.sha256(SandboxMediaTest.PNG) + "\"}"));
    byte[] file = web.get().uri("/media/" + mediaId).headers(h -> h.setBearerAuth("test-token")).exchange()
        .expectStatus().isOk().expectBody().returnResult().getResponseBody();
    assertThat(file).isEqualTo(SandboxMediaTest.PNG);
  }

  @Test
  void shouldRefuseAnUploadWithoutAMimeTypeOrBytes() {
    web.post().uri("/sandbox/media").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"mimeType\":\"png\",\"base64\":\"AAAA\"}")
        .exchange().expectStatus().isBadRequest()
        .expectBody().json("{\"error\":{\"code\":400,\"message\":\"mimeType must be a MIME type such as image/jpeg\"}}");
    web.post().uri("/sandbox/media").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"mimeType\":\"image/png\",\"base64\":\"\"}")
        .exchange().expectStatus().isBadRequest()
        .expectBody().json("{\"error\":{\"code\":400,\"message\":\"file is empty\"}}");
  }
}
