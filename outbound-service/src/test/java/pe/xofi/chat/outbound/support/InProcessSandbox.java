package pe.xofi.chat.outbound.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import pe.xofi.chat.sandbox.WhapiSandboxApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real WHAPI sandbox app, started once per test JVM on a random port. */
public final class InProcessSandbox {

  public static final String TOKEN = "it-token";

  private static InProcessSandbox shared;

  private final String baseUrl;
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  private InProcessSandbox(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public static synchronized InProcessSandbox shared() {
    if (shared == null) {
      // member messages go nowhere: a real ingress on this machine must not receive test webhooks
      String ingress = "http://localhost:" + Replies.closedPort() + "/chatbot/webhook/whatsapp/";
      ConfigurableApplicationContext context = WhapiSandboxApplication.builder()
          .run("--server.port=0", "--sandbox.api-token=" + TOKEN, "--spring.main.banner-mode=off",
              "--sandbox.ingress-url=" + ingress,
              // the sandbox has no database; this module's R2DBC, JDBC and Flyway must not give it one,
              // and, a dev tool without logins, none of this module's staff security or member-data keys either
              "--spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration,"
                  + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                  + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                  + "pe.xofi.chat.staffsecurity.StaffSecurityAutoConfiguration,"
                  + "pe.xofi.chat.membercrypto.MemberCryptoAutoConfiguration,"
                  + "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
                  + "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration,"
                  + "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration");
      Runtime.getRuntime().addShutdownHook(new Thread(context::close, "whapi-sandbox-stop"));
      shared = new InProcessSandbox("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }
    return shared;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** {@code GET /sandbox/outbox?chat=...}: what was sent to that chat, in arrival order. */
  public JsonNode outbox(String chat) {
    return call(HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox/outbox?chat=" + chat)).GET().build());
  }

  /**
   * A member sends a file through {@code POST /sandbox/inbox}, as from the phone; returns WHAPI's
   * media id of the stored file (the webhook itself goes to no ingress).
   */
  public String upload(String phone, String mimeType, byte[] bytes) {
    String request = json.writeValueAsString(Map.of("from", phone, "caption", "Monto: 500",
        "file", Map.of("name", "voucher", "mimeType", mimeType, "base64",
            Base64.getEncoder().encodeToString(bytes))));
    JsonNode answer = call(HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox/inbox"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(request)).build());
    JsonNode message = answer.at("/webhook/messages/0");
    return (message.has("image") ? message.get("image") : message.get("document")).get("id").asString();
  }

  /** {@code GET /sandbox/receipts}: every send accepted since the sandbox started, with its arrival time (ms). */
  public JsonNode receipts() {
    return call(HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox/receipts?after=0&max=" + Integer.MAX_VALUE)).GET().build());
  }

  /** {@code POST /sandbox/faults}: from now on the sandbox misbehaves as {@code plan} says. */
  public JsonNode faults(String plan) {
    return call(HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox/faults"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(plan.replace('\'', '"'))).build());
  }

  /** {@code GET /sandbox/faults}: the plan in force and the sends accepted, faulted and rate-limited. */
  public JsonNode faultReport() {
    return call(HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox/faults")).GET().build());
  }

  /** {@code DELETE /sandbox/faults}: behaves like WHAPI again. */
  public void clearFaults() {
    try {
      http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox/faults")).DELETE().build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** WHAPI's download URL of {@code mediaId}, as an Auto Download link would give it. */
  public String mediaUrl(String mediaId) {
    return baseUrl + "/media/" + mediaId;
  }

  private JsonNode call(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return json.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
