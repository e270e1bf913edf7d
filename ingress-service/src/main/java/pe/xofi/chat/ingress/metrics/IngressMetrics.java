package pe.xofi.chat.ingress.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import org.springframework.stereotype.Component;
import pe.xofi.chat.schemas.Topic;
import pe.xofi.chat.schemas.inbound.Provider;

/** The ingress's own meters; every name starts with {@code xofi.ingress} so dashboards find them. */
@Component
public class IngressMetrics {

  private final MeterRegistry registry;

  public IngressMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counts one webhook request by provider and the HTTP status it was answered with. */
  public void webhookAnswered(Provider provider, int status) {
    Counter.builder("xofi.ingress.webhooks.received")
        .description("Webhook requests by provider and answered HTTP status")
        .tag("provider", tag(provider))
        .tag("status", Integer.toString(status))
        .register(registry)
        .increment();
  }

  /** Counts records Kafka acknowledged on {@code topic}. */
  public void published(Topic<?, ?> topic, int records) {
    Counter.builder("xofi.ingress.records.published")
        .description("Records acknowledged by Kafka, by topic")
        .tag("topic", topic.name())
        .register(registry)
        .increment(records);
  }

  /** Counts one webhook item that was deliberately not published, by why. */
  public void skipped(Provider provider, Enum<?> reason) {
    Counter.builder("xofi.ingress.records.skipped")
        .description("Webhook items not published, by reason")
        .tag("provider", tag(provider))
        .tag("reason", tag(reason))
        .register(registry)
        .increment();
  }

  /** Counts one field of a webhook item cut to its limit, by provider and field ({@code text.body}, ...). */
  public void cut(Provider provider, String field) {
    Counter.builder("xofi.ingress.fields.cut")
        .description("Webhook fields cut to their limit, by provider and field")
        .tag("provider", tag(provider))
        .tag("field", field)
        .register(registry)
        .increment();
  }

  /** A started measurement of one webhook's publish, from first send to the last ack or failure. */
  public Timer.Sample startPublish() {
    return Timer.start(registry);
  }

  /**
   * Stops {@code sample} under {@code outcome} ({@code acked}, {@code timeout}, {@code failed}, {@code
   * too_large}).
   */
  public void publishFinished(Timer.Sample sample, String outcome) {
    sample.stop(
        Timer.builder("xofi.ingress.publish.latency")
            .description("Time from the first send of a webhook's records to Kafka's last ack")
            .tag("outcome", outcome)
            .publishPercentileHistogram()
            .register(registry));
  }

  private static String tag(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
