package pe.xofi.chat.schemas;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import pe.xofi.chat.schemas.audit.AuditEvent;
import pe.xofi.chat.schemas.delivery.DeliveryEvent;
import pe.xofi.chat.schemas.events.ConversationEvent;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.media.MediaDownload;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import pe.xofi.chat.schemas.status.ProviderStatus;

/**
 * The topic registry: the only place in the code base where a topic name is written. Every topic is
 * keyed by the conversation key ({@code wa:51987654321}, {@code tg:123456}) so that everything about
 * one member lands on one partition, in order.
 */
public final class Topics {

  /** Raw provider messages, one record per message, as the ingress received them. */
  public static final Topic<String, InboundEnvelope> INBOUND_MESSAGES =
      Topic.json("inbound-messages", InboundEnvelope.class, Duration.ofDays(7));

  /** Provider status callbacks (sent, delivered, read, failed), one record per status. */
  public static final Topic<String, ProviderStatus> PROVIDER_STATUSES =
      Topic.json("provider-statuses", ProviderStatus.class, Duration.ofDays(7));

  /**
   * Inbound records the conversation engine could not read or handle (a bug, not an outage), as
   * their original key and bytes with the reason in {@link DeadLetterHeaders}; redriven to {@link
   * #INBOUND_MESSAGES}.
   */
  public static final Topic<String, InboundEnvelope> INBOUND_MESSAGES_DLT =
      Topic.json("inbound-messages-dlt", InboundEnvelope.class, Duration.ofDays(30));

  /** Status callbacks the outbound service could not read or reconcile, for redrive. */
  public static final Topic<String, ProviderStatus> PROVIDER_STATUSES_DLT =
      Topic.json("provider-statuses-dlt", ProviderStatus.class, Duration.ofDays(30));

  /** Replies of the conversation engine, with deterministic ids. */
  public static final Topic<String, OutboundMessage> OUTBOUND_MESSAGES =
      Topic.json("outbound-messages", OutboundMessage.class, Duration.ofDays(7));

  /** Replies the outbound service gave up on, with the error in headers, for redrive. */
  public static final Topic<String, OutboundMessage> OUTBOUND_MESSAGES_DLT =
      Topic.json("outbound-messages-dlt", OutboundMessage.class, Duration.ofDays(30));

  /** The outcome of every send attempt and every provider status. */
  public static final Topic<String, DeliveryEvent> DELIVERY_EVENTS =
      Topic.json("delivery-events", DeliveryEvent.class, Duration.ofDays(7));

  /** Requests to download a member's media (receipts) from the provider. */
  public static final Topic<String, MediaDownload> MEDIA_DOWNLOADS =
      Topic.json("media-downloads", MediaDownload.class, Duration.ofDays(7));

  /** Download requests the media stage could not read or process (not a provider failure), for redrive. */
  public static final Topic<String, MediaDownload> MEDIA_DOWNLOADS_DLT =
      Topic.json("media-downloads-dlt", MediaDownload.class, Duration.ofDays(30));

  /** Audit facts of the conversation engine. */
  public static final Topic<String, ConversationEvent> CONVERSATION_EVENTS =
      Topic.json("conversation-events", ConversationEvent.class, Duration.ofDays(30));

  /** Audit facts the transcript projector could not read or project, for redrive. */
  public static final Topic<String, ConversationEvent> CONVERSATION_EVENTS_DLT =
      Topic.json("conversation-events-dlt", ConversationEvent.class, Duration.ofDays(30));

  /**
   * Every view of a member's data by staff ({@link AuditEvent}): kept five years (1,827 days, five
   * calendar years with their leap days), never compacted, as financial regulators expect access
   * records of member data to be kept; compliance confirms the period.
   */
  public static final Topic<String, AuditEvent> AUDIT_EVENTS =
      Topic.json("audit-events", AuditEvent.class, Duration.ofDays(5 * 365 + 2));

  /** Every topic of the pipeline, for provisioning and documentation checks. */
  public static final List<Topic<String, ?>> ALL =
      List.of(
          INBOUND_MESSAGES,
          INBOUND_MESSAGES_DLT,
          PROVIDER_STATUSES,
          PROVIDER_STATUSES_DLT,
          OUTBOUND_MESSAGES,
          OUTBOUND_MESSAGES_DLT,
          DELIVERY_EVENTS,
          MEDIA_DOWNLOADS,
          MEDIA_DOWNLOADS_DLT,
          CONVERSATION_EVENTS,
          CONVERSATION_EVENTS_DLT,
          AUDIT_EVENTS);

  /**
   * The dead-letter topic of each consumed topic, in the order of {@link #ALL}: a record that a
   * consumer cannot read or process goes to its topic's DLT, and is redriven back to that topic.
   */
  public static final Map<Topic<String, ?>, Topic<String, ?>> DEAD_LETTERS =
      orderedMap(
          INBOUND_MESSAGES, INBOUND_MESSAGES_DLT,
          PROVIDER_STATUSES, PROVIDER_STATUSES_DLT,
          OUTBOUND_MESSAGES, OUTBOUND_MESSAGES_DLT,
          MEDIA_DOWNLOADS, MEDIA_DOWNLOADS_DLT,
          CONVERSATION_EVENTS, CONVERSATION_EVENTS_DLT);

  /** Default partition count of every topic (DESIGN.md). */
  public static final int DEFAULT_PARTITIONS = 12;

  /** The dead-letter topic of {@code source}; fails for a topic nobody consumes. */
  public static Topic<String, ?> deadLetterTopicOf(String source) {
    return DEAD_LETTERS.entrySet().stream()
        .filter(entry -> entry.getKey().name().equals(source))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no dead-letter topic for " + source));
  }

  @SafeVarargs
  private static Map<Topic<String, ?>, Topic<String, ?>> orderedMap(Topic<String, ?>... pairs) {
    Map<Topic<String, ?>, Topic<String, ?>> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }
  /**
   * Not a pipeline topic (so not in {@link #ALL}): the scratch topic of {@code ./xofi bench}, where
   * Kafka's own {@code ProducerPerformance} writes opaque records of the inbound record size to
   * give the ingress's capacity its anchor. The bench creates it and deletes it afterwards.
   */
  public static final Topic<byte[], byte[]> PRODUCER_BENCHMARK =
      new Topic<>("xofi-bench-producer-performance", Serdes.ByteArray(), Serdes.ByteArray(), byte[].class, 1, Duration.ofHours(1));

  private Topics() {}
}
