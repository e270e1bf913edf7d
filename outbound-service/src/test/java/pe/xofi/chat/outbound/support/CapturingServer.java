package pe.xofi.chat.outbound.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A plain HTTP server on 127.0.0.1 that records every request it gets and answers each with one
 * fixed response: the stand-in for an attacker's target (a cluster service, a cloud metadata
 * endpoint, a foreign host) and a scripted provider in the media download tests.
 */
public final class CapturingServer implements AutoCloseable {

  /** One request as it arrived: method, raw path and query, and its Authorization header (or null). */
  public record Captured(String method, String target, String authorization) {}

  private final HttpServer server;
  private final List<Captured> requests = new CopyOnWriteArrayList<>();

  private CapturingServer(HttpServer server) {
    this.server = server;
  }

  /** An answer: status, Content-Type (null for none), extra headers and body. */
  public record Answer(int status, String contentType, Map<String, String> headers, byte[] body) {

    public static Answer of(int status, String contentType, byte[] body) {
      return new Answer(status, contentType, Map.of(), body);
    }

    public static Answer json(String json) {
      return of(200, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public static Answer redirect(String location) {
      return new Answer(302, null, Map.of("Location", location), new byte[0]);
    }
  }

  /** Starts a server answering every request with {@code answer}. */
  public static CapturingServer answering(Answer answer) {
    return routing(Map.of("/", answer));
  }

  /** Starts a server answering each request with the answer of the longest path prefix it starts with. */
  public static CapturingServer routing(Map<String, Answer> byPathPrefix) {
    return routing(url -> byPathPrefix);
  }

  /** As {@link #routing(Map)}, with answers that may name the server's own {@link #url()}. */
  public static CapturingServer routing(Function<String, Map<String, Answer>> byOwnUrl) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      CapturingServer capturing = new CapturingServer(server);
      Map<String, Answer> byPathPrefix = byOwnUrl.apply(capturing.url());
      server.createContext("/", exchange -> {
        String path = exchange.getRequestURI().getRawPath();
        capturing.requests.add(new Captured(exchange.getRequestMethod(), path
            + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
            exchange.getRequestHeaders().getFirst("Authorization")));
        Answer answer = byPathPrefix.entrySet().stream()
            .filter(route -> path.startsWith(route.getKey()))
            .max(Comparator.comparingInt(route -> route.getKey().length()))
            .map(Map.Entry::getValue)
            .orElse(Answer.of(404, null, new byte[0]));
        if (answer.contentType() != null) {
          exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        }
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        if (answer.body().length > 0) {
          exchange.getResponseBody().write(answer.body());
        }
        exchange.close();
      });
      server.start();
      return capturing;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:<port>}, no trailing slash. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every request received so far, in arrival order. */
  public List<Captured> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
