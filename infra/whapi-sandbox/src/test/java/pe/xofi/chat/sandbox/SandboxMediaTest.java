package pe.xofi.chat.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.xofi.chat.sandbox.SandboxTestSupport.NOW;
import static pe.xofi.chat.sandbox.SandboxTestSupport.json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

/** Members send receipt files: WHAPI's image/document webhooks and {@code GET /media/{id}}. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "sandbox.api-token=test-token")
@AutoConfigureWebTestClient
@Import(SandboxTestSupport.class)
class SandboxMediaTest {

  /** The smallest valid PNG: one transparent pixel. */
  static final byte[] PNG = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
  static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final String CAPTION = "Monto: 500\nFecha: 2025-01-15";
  static final String CAPTION_JSON = "Monto: 500\\nFecha: 2025-01-15";
  static final CapturingIngress INGRESS = CapturingIngress.start();

  @DynamicPropertySource
  static void ingress(DynamicPropertyRegistry registry) {
    registry.add("sandbox.ingress-url", INGRESS::url);
  }

  @Autowired WebTestClient web;

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private JsonNode sendJson(String request) {
    return json(web.post().uri("/sandbox/inbox").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(request.replace('\'', '"')).exchange()
        .expectStatus().isOk().expectBody().returnResult().getResponseBody());
  }

  @Test
  void shouldPostImageWebhookWithMediaFileFieldsAndServeTheFileWithToken() throws Exception {
    // given
    int before = INGRESS.requests().size();
    // when
    JsonNode answer = sendJson("{'from':'51987654321','name':'María','caption':'" + CAPTION_JSON + "',"
        + "'file':{'name':'voucher.png','mimeType':'image/png','base64':'" + Base64.getEncoder().encodeToString(PNG) + "'}}");
    // then
    String id = answer.at("/webhook/messages/0/id").asString();
    String mediaId = answer.at("/webhook/messages/0/image/id").asString();
    assertThat(mediaId).matches("png-[0-9a-f]{32}");
    String message = "{'id':'" + id + "','from_me':false,'type':'image',"
        + "'chat_id':'51987654321@s.whatsapp.net','timestamp':" + NOW + ",'source':'mobile',"
        + "'image':{'id':'" + mediaId + "','mime_type':'image/png','file_size':" + PNG.length + ","
        + "'sha256':'" + sha256(PNG) + "','caption':'" + CAPTION_JSON + "'},"
        + "'from':'51987654321','from_name':'María'}";
    String webhook = "{'messages':[" + message + "],'event':{'type':'messages','event':'post'},'channel_id':'SANDBOX'}";
    assertThat(answer).isEqualTo(json("{'webhook':" + webhook + ",'ingress':{'status':200,"
        + "'body':{'status':'accepted','messages':1}}}"));
    List<CapturingIngress.Captured> received = INGRESS.requests().subList(before, INGRESS.requests().size());
    assertThat(received).extracting(r -> json(r.body().getBytes(StandardCharsets.UTF_8)))
        .containsExactly(json(webhook));

    byte[] file = web.get().uri("/media/" + mediaId).headers(h -> h.setBearerAuth("test-token")).exchange()
        .expectStatus().isOk()
        .expectHeader().contentType(MediaType.IMAGE_PNG)
        .expectHeader().contentLength(PNG.length)
        .expectBody().returnResult().getResponseBody();
    assertThat(file).isEqualTo(PNG);
  }

  @Test
  void shouldShowTheMembersFileInTheConversationWithItsCaption() {
    // given
    JsonNode answer = sendJson("{'from':'51955566677','name':'Rosa','caption':'Monto: 80',"
        + "'file':{'name':'voucher.png','mimeType':'image/png','base64':'" + Base64.getEncoder().encodeToString(PNG) + "'}}");
    JsonNode message = answer.at("/webhook/messages/0");
    // when
    JsonNode conversation = json(web.get().uri("/sandbox/conversation?chat=51955566677").exchange()
        .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    // then
    assertThat(conversation).isEqualTo(json("[{'id':'" + message.get("id").asString() + "','direction':'inbound',"
        + "'chat':'51955566677','type':'image','body':'Monto: 80','timestamp':" + NOW + ",'request':"
        + message.toString().replace('"', '\'') + "}]"));
    byte[] file = web.get().uri("/sandbox/media/" + message.at("/image/id").asString()).exchange()
        .expectStatus().isOk().expectBody().returnResult().getResponseBody();
    assertThat(file).isEqualTo(PNG);
  }

  @Test
  void shouldPostPdfFromMultipartFormAsDocumentWithFilename() throws Exception {
    // given
    MultipartBodyBuilder form = new MultipartBodyBuilder();
    form.part("from", "51912345678");
    form.part("name", "José");
    form.part("caption", CAPTION);
    form.part("file", new ByteArrayResource(PDF) {
      @Override
      public String getFilename() {
        return "voucher.pdf";
      }
    }).contentType(MediaType.APPLICATION_PDF);
    // when
    JsonNode answer = json(web.post().uri("/sandbox/inbox").contentType(MediaType.MULTIPART_FORM_DATA)
        .body(BodyInserters.fromMultipartData(form.build())).exchange()
        .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    // then
    String id = answer.at("/webhook/messages/0/id").asString();
    String mediaId = answer.at("/webhook/messages/0/document/id").asString();
    assertThat(mediaId).matches("pdf-[0-9a-f]{32}");
    assertThat(answer.get("webhook")).isEqualTo(json("{'messages':[{'id':'" + id + "','from_me':false,"
        + "'type':'document','chat_id':'51912345678@s.whatsapp.net','timestamp':" + NOW + ",'source':'mobile',"
        + "'document':{'id':'" + mediaId + "','mime_type':'application/pdf','file_size':" + PDF.length + ","
        + "'sha256':'" + sha256(PDF) + "','caption':'" + CAPTION_JSON + "','filename':'voucher.pdf'},"
        + "'from':'51912345678','from_name':'José'}],'event':{'type':'messages','event':'post'},'channel_id':'SANDBOX'}"));
    byte[] file = web.get().uri("/media/" + mediaId + "?token=test-token").exchange()
        .expectStatus().isOk()
        .expectHeader().contentType(MediaType.APPLICATION_PDF)
        .expectBody().returnResult().getResponseBody();
    assertThat(file).isEqualTo(PDF);
  }

  @Test
  void shouldRefuseMediaDownloadWithoutTokenWithWhapiError() {
    // given
    String mediaId = sendJson("{'from':'51987654321','file':{'mimeType':'image/png','base64':'"
        + Base64.getEncoder().encodeToString(PNG) + "'}}").at("/webhook/messages/0/image/id").asString();
    // when
    var response = web.get().uri("/media/" + mediaId).exchange();
    // then
    response.expectStatus().isUnauthorized()
        .expectBody().json("{\"error\":{\"code\":401,\"message\":\"Need channel authorization\"}}", JsonCompareMode.STRICT);
  }

  @Test
  void shouldAnswerWhapiNotFoundForUnknownMedia() {
    // when
    var response = web.get().uri("/media/jpeg-00000000000000000000000000000000")
        .headers(h -> h.setBearerAuth("test-token")).exchange();
    // then
    response.expectStatus().isNotFound()
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectBody().json("{\"error\":{\"code\":404,\"message\":\"Specified media not found\"}}", JsonCompareMode.STRICT);
  }

  @Test
  void shouldRefuseFileThatIsNotBase64() {
    // when
    var response = web.post().uri("/sandbox/inbox").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"from\":\"51987654321\",\"file\":{\"mimeType\":\"image/png\",\"base64\":\"no es base64!\"}}")
        .exchange();
    // then
    response.expectStatus().isBadRequest()
        .expectBody().json("{\"error\":{\"code\":400,\"message\":\"file.base64 must be base64\"}}", JsonCompareMode.STRICT);
  }

  @Test
  void shouldRefuseFileWithoutMimeType() {
    // when
    var response = web.post().uri("/sandbox/inbox").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"from\":\"51987654321\",\"file\":{\"base64\":\"aGVsbG8=\"}}")
        .exchange();
    // then
    response.expectStatus().isBadRequest()
        .expectBody().json("{\"error\":{\"code\":400,\"message\":\"file.mimeType must be a MIME type such as image/jpeg\"}}",
            JsonCompareMode.STRICT);
  }
}
