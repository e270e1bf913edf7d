package pe.xofi.chat.system.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox's own endpoints the chaos runs use: the outbox, the fault knobs and file upload. */
final class SandboxApi {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The smallest valid PNG: one transparent pixel (a receipt photo). */
  private static final String PNG =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

  private final String sandboxUrl;

  SandboxApi(String sandboxUrl) {
    this.sandboxUrl = sandboxUrl;
  }

  /** Keeps a receipt photo in the sandbox for {@code GET /media/{id}}. */
  WhapiWebhooks.Media uploadReceiptPhoto() {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(sandboxUrl + "/sandbox/media"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"mimeType\":\"image/png\",\"name\":\"voucher.png\",\"base64\":\"" + PNG + "\"}"))
        .build());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("sandbox refused the receipt photo: " + response.statusCode() + " " + response.body());
    }
    JsonNode media = JSON.readTree(response.body());
    return new WhapiWebhooks.Media(
        media.get("id").asString(), media.get("mime_type").asString(), media.get("file_size").asLong(), media.get("sha256").asString());
  }

  /** Per chat of {@code phones}: the bodies of the sends the sandbox accepted, in arrival order. */
  Map<String, List<String>> outbox(Set<String> phones) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(sandboxUrl + "/sandbox/outbox")).GET().build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("sandbox outbox answered " + response.statusCode());
    }
    Map<String, List<String>> byChat = new LinkedHashMap<>();
    for (JsonNode entry : JSON.readTree(response.body())) {
      String chat = entry.get("chat").asString();
      if (phones.contains(chat)) {
        byChat.computeIfAbsent(chat, c -> new ArrayList<>()).add(entry.path("body").asString(""));
      }
    }
    return byChat;
  }

  /** Sets a fault plan ({@code POST /sandbox/faults}), e.g. {@code {"forSeconds":20,"status":503}}. */
  void faults(String plan) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(sandboxUrl + "/sandbox/faults"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(plan))
        .build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("sandbox refused the fault plan: " + response.statusCode() + " " + response.body());
    }
  }

  /** The fault report: sends accepted, faulted and rate limited since the plan was set. */
  String faultReport() {
    return send(HttpRequest.newBuilder(URI.create(sandboxUrl + "/sandbox/faults")).GET().build()).body();
  }

  /** Behaves like WHAPI again. */
  void clearFaults() {
    send(HttpRequest.newBuilder(URI.create(sandboxUrl + "/sandbox/faults")).DELETE().build());
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
