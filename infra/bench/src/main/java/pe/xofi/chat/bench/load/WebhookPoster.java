package pe.xofi.chat.bench.load;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Posts webhook bodies without blocking, each with WHAPI's {@code X-Webhook-Secret}: Reactor Netty
 * over a keep-alive connection pool without a fixed size, so the generator opens as many connections
 * as the server makes it hold in flight.
 */
public final class WebhookPoster implements AutoCloseable {

  private final ConnectionProvider connections;
  private final HttpClient http;
  private final String uri;
  private final AtomicReference<String> firstRefusal = new AtomicReference<>();

  public WebhookPoster(URI target, String webhookSecret, Duration timeout) {
    this.connections =
        ConnectionProvider.builder("bench-webhooks").maxConnections(20_000).pendingAcquireMaxCount(-1).build();
    this.http =
        HttpClient.create(connections)
            .responseTimeout(timeout)
            .headers(h -> h.set(HttpHeaderNames.CONTENT_TYPE, "application/json").set("X-Webhook-Secret", webhookSecret));
    this.uri = target.toString();
  }

  /** Posts {@code body}; {@code done} gets the HTTP status, or the failure. */
  public void post(byte[] body, BiConsumer<Integer, Throwable> done) {
    http.post()
        .uri(uri)
        .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
        .responseSingle((response, content) -> {
          int status = response.status().code();
          if (status == 200 || firstRefusal.get() != null) {
            return content.then(Mono.just(status));
          }
          return content.asString().defaultIfEmpty("")
              .doOnNext(text -> firstRefusal.compareAndSet(null, status + " " + text))
              .thenReturn(status);
        })
        .subscribe(status -> done.accept(status, null), failure -> done.accept(null, failure));
  }

  /** Status and body of the first answer other than 200, or null. */
  public String firstRefusal() {
    return firstRefusal.get();
  }

  @Override
  public void close() {
    connections.dispose();
  }
}
