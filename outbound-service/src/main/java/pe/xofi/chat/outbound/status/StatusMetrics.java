package pe.xofi.chat.outbound.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import pe.xofi.chat.schemas.inbound.Provider;

/** The {@code xofi.outbound.statuses} and {@code xofi.outbound.deliveries.overdue} meters. */
class StatusMetrics {

  static final String STATUSES = "xofi.outbound.statuses";
  static final String OVERDUE = "xofi.outbound.deliveries.overdue";

  private final MeterRegistry registry;

  StatusMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** One provider status callback and what became of it. */
  void status(Provider provider, StatusOutcome outcome) {
    Counter.builder(STATUSES)
        .description("Provider status callbacks, by what became of them")
        .tag("provider", tagOf(provider))
        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }

  /** A reply sent longer ago than the threshold without a delivered status. */
  void overdue(Provider provider) {
    Counter.builder(OVERDUE)
        .description("Sent replies with no delivered status after the overdue threshold, each counted once")
        .tag("provider", tagOf(provider))
        .register(registry)
        .increment();
  }

  private static String tagOf(Provider provider) {
    return provider == null ? "none" : provider.name().toLowerCase(Locale.ROOT);
  }
}
