package pe.xofi.chat.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A member writing through the WHAPI sandbox, as a person on the chat page would: each message
 * goes in as a real WHAPI webhook at the ingress, and the bot's answers are read from the sandbox
 * outbox.
 */
final class SandboxMember {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String sandboxUrl;
  private final String phone;
  private int seen;

  SandboxMember(String sandboxUrl, String phone) {
    this.sandboxUrl = sandboxUrl;
    this.phone = phone;
    // earlier tests may have talked to the same member: only what comes after now is theirs
    this.seen = outbox().size();
  }

  /** Sends {@code text} and returns the bodies of the replies it caused ({@code expected} of them). */
  List<String> says(String text, int expected) {
    ObjectNode body = JSON.createObjectNode().put("from", phone).put("text", text).put("name", "Socio");
    return send(body, expected);
  }

  /** Sends {@code text} and returns the body of the one reply it caused. */
  String says(String text) {
    return says(text, 1).getFirst();
  }

  /** Sends a file with a caption (a payment receipt) and returns the replies it caused. */
  List<String> sendsFile(String fileName, String mimeType, byte[] bytes, String caption, int expected) {
    ObjectNode body = JSON.createObjectNode().put("from", phone).put("caption", caption).put("name", "Socio");
    body.putObject("file")
        .put("name", fileName)
        .put("mimeType", mimeType)
        .put("base64", java.util.Base64.getEncoder().encodeToString(bytes));
    return send(body, expected);
  }

  private List<String> send(ObjectNode body, int expected) {
    HttpResponse<String> response = post("/sandbox/inbox", body.toString());
    assertThat(response.statusCode()).as("ingress answer via sandbox: %s", response.body()).isEqualTo(200);
    List<JsonNode> outbox =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(50))
            .until(this::outbox, o -> o.size() >= seen + expected);
    List<String> replies = outbox.subList(seen, seen + expected).stream().map(n -> n.get("body").asString()).toList();
    seen += expected;
    return replies;
  }

  /** Everything the bot has sent to this member so far, in order. */
  List<JsonNode> outbox() {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(URI.create(sandboxUrl + "/sandbox/outbox?chat=" + phone)).GET().build());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body()).valueStream().toList();
  }

  private HttpResponse<String> post(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(sandboxUrl + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
