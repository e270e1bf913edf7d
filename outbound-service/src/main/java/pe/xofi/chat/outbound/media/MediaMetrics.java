package pe.xofi.chat.outbound.media;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import pe.xofi.chat.schemas.inbound.Provider;

/**
 * The {@code xofi.outbound.media.*} meters: download attempts by outcome and their latency, the
 * size of stored files, and receipts given up on.
 */
public class MediaMetrics {

  static final String DOWNLOADS = "xofi.outbound.media.downloads";
  static final String LATENCY = "xofi.outbound.media.latency";
  static final String BYTES = "xofi.outbound.media.bytes";
  static final String FAILED_RECEIPTS = "xofi.outbound.media.failed.receipts";

  private final MeterRegistry registry;

  public MediaMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** One download attempt, from reading the receipt to storing its file. */
  public void attempt(Provider provider, MediaOutcome outcome, Duration latency) {
    Counter.builder(DOWNLOADS)
        .description("Receipt file download attempts, by outcome")
        .tag("provider", tag(provider))
        .tag("outcome", outcome.tag())
        .register(registry)
        .increment();
    Timer.builder(LATENCY)
        .description("Time of one download attempt, database included")
        .tag("provider", tag(provider))
        .tag("outcome", outcome.tag())
        .register(registry)
        .record(latency);
  }

  /** A file of {@code size} bytes was stored. */
  public void stored(Provider provider, long size) {
    DistributionSummary.builder(BYTES)
        .description("Size of stored receipt files")
        .baseUnit("bytes")
        .tag("provider", tag(provider))
        .register(registry)
        .record(size);
  }

  /** A receipt became FAILED and its member was asked to send the file again. */
  public void failed(Provider provider, MediaOutcome outcome) {
    Counter.builder(FAILED_RECEIPTS)
        .description("Receipts marked FAILED, by the outcome of their last attempt")
        .tag("provider", tag(provider))
        .tag("outcome", outcome.tag())
        .register(registry)
        .increment();
  }

  private static String tag(Provider provider) {
    return provider == null ? "none" : provider.name().toLowerCase(Locale.ROOT);
  }
}
