package pe.xofi.chat.conversation.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The engine's own meters ({@code xofi.conversation.*}). Counted when a message is processed, so a
 * transaction that aborts and is processed again counts twice: they measure work, not members.
 */
public final class ConversationMetrics {

  /**
   * Streams config key under which this object travels to the exception handlers, which Kafka
   * instantiates by class name.
   */
  public static final String CONFIG_KEY = "xofi.conversation.metrics";

  /** Where a record was skipped. */
  public enum FailureStage {
    /** The record's bytes were not an {@code InboundEnvelope}. */
    DESERIALIZATION,
    /** The envelope was read but the engine or its adapter failed on it. */
    PROCESSING,
    /**
     * The member data stayed unavailable through every retry: the task fails and the record is
     * processed again after the thread is replaced (not skipped).
     */
    MEMBER_DATA;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final MeterRegistry registry;
  private final Timer handling;
  private final Counter duplicates;

  public ConversationMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.handling =
        Timer.builder("xofi.conversation.handling")
            .description("Time the engine spent on one message, from parse to decision")
            .register(registry);
    this.duplicates =
        Counter.builder("xofi.conversation.duplicates.dropped")
            .description("Provider retries of a message already handled, dropped without reply")
            .register(registry);
  }

  /** The metrics passed in streams {@code configs}, or ones on the global registry when absent. */
  public static ConversationMetrics from(Map<String, ?> configs) {
    return configs.get(CONFIG_KEY) instanceof ConversationMetrics metrics
        ? metrics
        : new ConversationMetrics(Metrics.globalRegistry);
  }

  /** A message was answered (or deliberately ignored) as {@code intent}. */
  public void handled(String intent, long micros) {
    Counter.builder("xofi.conversation.messages.handled")
        .description("Messages handled by the engine, by intent")
        .tag("intent", intent)
        .register(registry)
        .increment();
    handling.record(Duration.ofNanos(micros * 1_000));
  }

  /** An audit fact was recorded, e.g. {@code auth_failed} or {@code locked}, for the operators' dashboard. */
  public void event(String type) {
    Counter.builder("xofi.conversation.events")
        .description("Audit facts recorded by the engine, by type")
        .tag("type", type.toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }

  /** A known DNI was tried from one more conversation than those of its failures of the last day. */
  public void dniTriedFromSeveralNumbers() {
    Counter.builder("xofi.auth.dni.multiple.phones")
        .description("Identifications of a known DNI from a conversation other than those of its failures of the day")
        .register(registry)
        .increment();
  }

  /** A known DNI was locked for every number after too many failures. */
  public void dniLocked() {
    Counter.builder("xofi.auth.dni.locked")
        .description("Failures that locked a known DNI for every number")
        .register(registry)
        .increment();
  }

  /**
   * A WhatsApp number other than the member's registered one identified ({@code binding} {@code warn})
   * or was refused ({@code require}).
   */
  public void unregisteredPhone(String binding) {
    Counter.builder("xofi.auth.unregistered.phone")
        .description("Identifications from a WhatsApp number other than the member's registered one, by binding")
        .tag("binding", binding.toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }

  /** A provider retry was dropped. */
  public void duplicateDropped() {
    duplicates.increment();
  }

  /** A record was logged and skipped at {@code stage}, or failed its task ({@code MEMBER_DATA}). */
  public void failed(FailureStage stage) {
    Counter.builder("xofi.conversation.failures")
        .description("Inbound records skipped, or failing their task on a member-data outage")
        .tag("stage", stage.tag())
        .register(registry)
        .increment();
  }
}
