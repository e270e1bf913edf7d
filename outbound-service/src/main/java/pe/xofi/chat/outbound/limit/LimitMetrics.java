package pe.xofi.chat.outbound.limit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import pe.xofi.chat.schemas.inbound.Provider;

/**
 * {@code xofi.outbound.token.wait}: time replies waited for a token or a window permit, by the limit
 * that made them wait; {@code xofi.outbound.window.permits} and {@code xofi.outbound.window.held}: the
 * size of each provider account's send window and the permits taken from it (sends in flight or less
 * than a window after they ended; held = permits means the window is what paces the sends).
 */
public class LimitMetrics {

  static final String TOKEN_WAIT = "xofi.outbound.token.wait";
  static final String WINDOW_PERMITS = "xofi.outbound.window.permits";
  static final String WINDOW_HELD = "xofi.outbound.window.held";

  private final MeterRegistry registry;

  public LimitMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void waited(TokenWait.Scope scope, Duration wait) {
    Timer.builder(TOKEN_WAIT)
        .description("Time replies waited for a rate-limit token or send-window permit")
        .tag("scope", scope.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .record(wait);
  }

  void window(Provider provider, SendWindow window) {
    String tag = provider.name().toLowerCase(Locale.ROOT);
    Gauge.builder(WINDOW_PERMITS, window, SendWindow::size)
        .description("Permits of the provider account's send window (this instance's share)")
        .tag("provider", tag)
        .strongReference(true)
        .register(registry);
    Gauge.builder(WINDOW_HELD, window, SendWindow::held)
        .description("Send-window permits taken: sends in flight or less than a window after they ended")
        .tag("provider", tag)
        .strongReference(true)
        .register(registry);
  }
}
