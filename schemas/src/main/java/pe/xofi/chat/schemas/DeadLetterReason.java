package pe.xofi.chat.schemas;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Why and from where a record was dead-lettered, as written to and read from {@link
 * DeadLetterHeaders}. The error is the failure's own message, capped at {@link #MAX_ERROR_LENGTH}
 * characters: it may quote the record (it sits beside the record's own bytes, never in a log line).
 *
 * @param exception     fully qualified class of the innermost cause
 * @param error         its message (or the class's simple name when it has none)
 * @param sourceTopic   topic the record was read from
 * @param partition     its partition
 * @param offset        its offset
 * @param consumerGroup the group or Streams application that gave it up
 * @param at            when
 */
public record DeadLetterReason(
    String exception,
    String error,
    String sourceTopic,
    int partition,
    long offset,
    String consumerGroup,
    Instant at) {

  /** Longest error text kept in a header. */
  public static final int MAX_ERROR_LENGTH = 1_000;

  private static final int MAX_CAUSES = 16;

  /** Exceptions that only carry their cause through a framework. */
  private static final Set<String> WRAPPERS =
      Set.of(
          "org.springframework.kafka.listener.ListenerExecutionFailedException",
          "org.springframework.kafka.listener.BatchListenerFailedException",
          "org.springframework.kafka.listener.TimestampedException",
          "org.springframework.kafka.support.serializer.DeserializationException",
          "org.apache.kafka.streams.errors.StreamsException",
          "java.util.concurrent.CompletionException",
          "java.util.concurrent.ExecutionException");

  public DeadLetterReason {
    Objects.requireNonNull(exception, "exception");
    Objects.requireNonNull(sourceTopic, "sourceTopic");
    error = error == null ? "" : cap(error);
  }

  /** The reason for {@code failure} of the record at {@code topic}-{@code partition}@{@code offset}. */
  public static DeadLetterReason of(
      Throwable failure, String topic, int partition, long offset, String consumerGroup, Instant at) {
    Throwable root = innermost(failure);
    String message = firstMessage(failure);
    return new DeadLetterReason(
        root.getClass().getName(),
        message != null ? message : root.getClass().getSimpleName(),
        topic,
        partition,
        offset,
        consumerGroup,
        at);
  }

  /** The message of the outermost failure in the chain that is not a mere wrapper. */
  private static String firstMessage(Throwable failure) {
    Throwable current = failure;
    for (int i = 0; i < MAX_CAUSES && current != null; i++) {
      if (current.getMessage() != null && !WRAPPERS.contains(current.getClass().getName())) {
        return current.getMessage();
      }
      current = current.getCause() == current ? null : current.getCause();
    }
    return null;
  }

  /** The innermost cause of {@code failure}, safe against cycles. */
  public static Throwable innermost(Throwable failure) {
    Throwable root = failure;
    for (int i = 0; i < MAX_CAUSES && root.getCause() != null && root.getCause() != root; i++) {
      root = root.getCause();
    }
    return root;
  }

  /** Adds (or replaces) the reason's headers in {@code headers}. */
  public Headers writeTo(Headers headers) {
    put(headers, DeadLetterHeaders.EXCEPTION, exception);
    put(headers, DeadLetterHeaders.ERROR, error);
    put(headers, DeadLetterHeaders.SOURCE_TOPIC, sourceTopic);
    put(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(partition));
    put(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(offset));
    if (consumerGroup != null) {
      put(headers, DeadLetterHeaders.CONSUMER_GROUP, consumerGroup);
    }
    if (at != null) {
      put(headers, DeadLetterHeaders.DEAD_LETTERED_AT, at.toString());
    }
    return headers;
  }

  /** The text of header {@code name}, or null when absent. */
  public static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String cap(String text) {
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
  }
}
