package pe.xofi.chat.outbound.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import pe.xofi.chat.outbound.send.SendFailure;
import pe.xofi.chat.outbound.send.TransientSendFailure;
import pe.xofi.chat.schemas.delivery.DeliveryStatus;
import pe.xofi.chat.schemas.inbound.Provider;

/**
 * The {@code xofi.outbound.*} meters: provider calls by outcome and status code, their latency,
 * and delivery events by status.
 */
public class DeliveryMetrics {

  static final String SENDS = "xofi.outbound.sends";
  static final String SEND_LATENCY = "xofi.outbound.send.latency";
  static final String DELIVERIES = "xofi.outbound.deliveries";
  static final String RETRIES = "xofi.outbound.retries";
  static final String THROTTLED = "xofi.outbound.throttled";
  static final String DEAD_LETTERS = "xofi.outbound.dead.letters";
  static final String DUPLICATES = "xofi.outbound.duplicates.skipped";
  static final String UNRECORDED = "xofi.outbound.sends.unrecorded";
  static final String END_TO_END = "xofi.outbound.end.to.end";

  private final MeterRegistry registry;

  public DeliveryMetrics(MeterRegistry registry) {
    this.registry = registry;
    // registered at zero so the dashboard's retry and dead-letter panels read 0, not "no data", before the first one
    for (Provider provider : Provider.values()) {
      retriesOf(provider);
      deadLettersOf(provider, DeliveryStatus.FAILED);
      deadLettersOf(provider, DeliveryStatus.DEAD_LETTERED);
    }
  }

  /** A provider call that ended with {@code statusCode} (null when there was no answer). */
  public void sent(Provider provider, Integer statusCode, Duration latency) {
    record(provider, "sent", statusCode, latency);
  }

  /** A provider call that failed with {@code failure}. */
  public void failed(Provider provider, SendFailure failure, Duration latency) {
    String outcome = failure instanceof TransientSendFailure ? "transient_error" : "rejected";
    record(provider, outcome, failure.statusCode().orElse(null), latency);
  }

  /** A transient failure that will be retried; a 429 also counts as throttled. */
  public void retried(Provider provider, TransientSendFailure failure) {
    retriesOf(provider).increment();
    if (failure.throttled()) {
      counter(THROTTLED, "Sends the provider throttled with 429", provider).increment();
    }
  }

  /** A reply moved to the dead-letter topic, {@code FAILED} (refused) or {@code DEAD_LETTERED} (retries ran out). */
  public void deadLettered(Provider provider, DeliveryStatus status) {
    deadLettersOf(provider, status).increment();
  }

  private Counter retriesOf(Provider provider) {
    return counter(RETRIES, "Send attempts that failed transiently and will be retried", provider);
  }

  private Counter deadLettersOf(Provider provider, DeliveryStatus status) {
    return Counter.builder(DEAD_LETTERS)
        .description("Replies moved to outbound-messages-dlt")
        .tag("provider", tagOf(provider))
        .tag("status", status.name().toLowerCase(Locale.ROOT))
        .register(registry);
  }

  /**
   * The time from the member's message reaching the ingress ({@code OutboundMessage.createdAt}) to the
   * provider accepting its reply, with a percentile histogram for the dashboard's quantiles.
   */
  public void endToEnd(Provider provider, Duration latency) {
    Timer.builder(END_TO_END)
        .description("Time from the inbound webhook being received to the provider accepting the reply")
        .tag("provider", tagOf(provider))
        .publishPercentileHistogram()
        .register(registry)
        .record(latency.isNegative() ? Duration.ZERO : latency);
  }

  /** A redelivered reply the ledger says was already sent. */
  public void duplicateSkipped(Provider provider) {
    counter(DUPLICATES, "Redelivered replies not sent again because the ledger has them", provider).increment();
  }

  /** A sent reply the ledger could not record (a later redelivery would send it again). */
  public void unrecorded(Provider provider) {
    counter(UNRECORDED, "Sent replies the ledger could not record", provider).increment();
  }

  private Counter counter(String name, String description, Provider provider) {
    return Counter.builder(name).description(description).tag("provider", tagOf(provider)).register(registry);
  }

  private static String tagOf(Provider provider) {
    return provider == null ? "none" : provider.name().toLowerCase(Locale.ROOT);
  }

  /** One delivery event written with {@code status}. */
  public void recorded(DeliveryStatus status) {
    Counter.builder(DELIVERIES)
        .description("Delivery events written, by status")
        .tag("status", status.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }

  private void record(Provider provider, String outcome, Integer statusCode, Duration latency) {
    String providerTag = provider == null ? "none" : provider.name().toLowerCase(Locale.ROOT);
    Counter.builder(SENDS)
        .description("Provider send calls, by outcome and HTTP status")
        .tag("provider", providerTag)
        .tag("outcome", outcome)
        .tag("status", statusCode == null ? "none" : statusCode.toString())
        .register(registry)
        .increment();
    Timer.builder(SEND_LATENCY)
        .description("Time of one provider send call")
        .tag("provider", providerTag)
        .tag("outcome", outcome)
        .register(registry)
        .record(latency);
  }
}
