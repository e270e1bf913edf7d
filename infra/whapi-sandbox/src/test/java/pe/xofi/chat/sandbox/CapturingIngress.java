package pe.xofi.chat.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in ingress on a random port that records the webhooks it gets and answers 200, or, when
 * started with a WHAPI secret, 401 to a webhook without it, as the real ingress does.
 */
public final class CapturingIngress {

  /** One request as the ingress saw it. */
  public record Captured(
      String path, String contentType, String secret, String signature, String telegramSecret, String body) {}

  public static final String PATH = "/chatbot/webhook/whatsapp/";
  public static final String ANSWER = "{\"status\":\"accepted\",\"messages\":1}";
  public static final String REFUSAL = "{\"error\":\"unauthorized\"}";

  private final HttpServer server;
  private final List<Captured> requests = new CopyOnWriteArrayList<>();

  private CapturingIngress(HttpServer server) {
    this.server = server;
  }

  public static CapturingIngress start() {
    return start(null);
  }

  /** An ingress that answers 401 to every webhook whose {@code X-Webhook-Secret} is not {@code requiredSecret}. */
  public static CapturingIngress requiring(String requiredSecret) {
    return start(requiredSecret);
  }

  private static CapturingIngress start(String requiredSecret) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
      CapturingIngress ingress = new CapturingIngress(server);
      server.createContext(PATH, exchange -> {
        ingress.requests.add(new Captured(
            exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders().getFirst("Content-Type"),
            exchange.getRequestHeaders().getFirst("X-Webhook-Secret"),
            exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"),
            exchange.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token"),
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        boolean refused = requiredSecret != null
            && !requiredSecret.equals(exchange.getRequestHeaders().getFirst("X-Webhook-Secret"));
        byte[] answer = (refused ? REFUSAL : ANSWER).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(refused ? 401 : 200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
      });
      server.start();
      return ingress;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "http://localhost:" + server.getAddress().getPort() + PATH;
  }

  public List<Captured> requests() {
    return List.copyOf(requests);
  }
}
