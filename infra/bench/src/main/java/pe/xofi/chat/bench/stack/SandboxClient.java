package pe.xofi.chat.bench.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The WHAPI sandbox's test endpoints: send receipts and fault plans. */
public final class SandboxClient {

  /** One send the sandbox accepted: its WHAPI id, recipient and arrival time (epoch ms). */
  public record Receipt(long seq, String id, String chat, long at) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  public SandboxClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Every receipt numbered {@code after} or later. */
  public List<Receipt> receiptsSince(long after) {
    List<Receipt> all = new ArrayList<>();
    long next = after;
    while (true) {
      JsonNode page = JSON.readTree(call("GET", "/sandbox/receipts?max=20000&after=" + next, null));
      for (JsonNode r : page) {
        all.add(new Receipt(r.get("seq").asLong(), r.get("id").asString(), r.get("chat").asString(), r.get("at").asLong()));
      }
      if (page.isEmpty() || page.size() < 20000) {
        return all;
      }
      next = all.getLast().seq() + 1;
    }
  }

  /** Forgets every receipt, so the next run reads only its own. */
  public void clearReceipts() {
    call("DELETE", "/sandbox/receipts", null);
  }

  /** Limits the sandbox to {@code perSecond} sends (429 above it). */
  public void rateLimit(int perSecond) {
    call("POST", "/sandbox/faults", "{\"rateLimit\":" + perSecond + "}");
  }

  /** Back to no faults and no limit. */
  public void clearFaults() {
    call("DELETE", "/sandbox/faults", null);
  }

  /** Sends refused by the rate limit since the plan was set. */
  public long rateLimited() {
    return JSON.readTree(call("GET", "/sandbox/faults", null)).path("rateLimited").asLong();
  }

  private String call(String method, String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    request = json == null
        ? request.method(method, HttpRequest.BodyPublishers.noBody())
        : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
