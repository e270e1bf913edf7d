package pe.xofi.chat.outbound.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
      ConfigurableApplicationContext context = WhapiSandboxApplication.builder()
          .run("--server.port=0", "--sandbox.api-token=" + TOKEN, "--spring.main.banner-mode=off");
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
    try {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox/outbox?chat=" + chat)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return json.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
