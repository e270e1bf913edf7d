package pe.xofi.chat.conversation.streams;

import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import pe.xofi.chat.conversation.metrics.ConversationMetrics;

/**
 * The Streams settings the service's guarantees rest on, applied over whatever the configuration
 * says: exactly-once v2 (state, replies, dead letters and offsets commit together), a processing
 * handler that never lets a bad record stop the thread, and a member-data outage that fails the task
 * instead of skipping its message. The source is read as bytes, so deserialization cannot fail in
 * Kafka Streams: the engine's processor reads the envelope and dead-letters what it cannot read.
 */
public final class ConversationStreamsSettings {

  /** Commit interval when none is configured: a reply leaves in well under a second. */
  static final String DEFAULT_COMMIT_INTERVAL_MS = "100";

  private ConversationStreamsSettings() {}

  /** Applies the guaranteed settings to {@code props} and hands {@code metrics} to the handlers. */
  public static void apply(Map<Object, Object> props, ConversationMetrics metrics) {
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        ProcessingFailureHandler.class.getName());
    props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, DEFAULT_COMMIT_INTERVAL_MS);
    props.put(ConversationMetrics.CONFIG_KEY, metrics);
  }
}
