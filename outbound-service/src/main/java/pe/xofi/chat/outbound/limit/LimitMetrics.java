package pe.xofi.chat.outbound.limit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/** {@code xofi.outbound.token.wait}: time replies waited for a token, by the bucket that made them wait. */
public class LimitMetrics {

  static final String TOKEN_WAIT = "xofi.outbound.token.wait";

  private final MeterRegistry registry;

  public LimitMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void waited(TokenWait.Scope scope, Duration wait) {
    Timer.builder(TOKEN_WAIT)
        .description("Time replies waited for a rate-limit token")
        .tag("scope", scope.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .record(wait);
  }
}
