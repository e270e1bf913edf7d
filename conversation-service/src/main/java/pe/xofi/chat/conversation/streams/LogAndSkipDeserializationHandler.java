package pe.xofi.chat.conversation.streams;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pe.xofi.chat.conversation.metrics.ConversationMetrics;
import pe.xofi.chat.conversation.metrics.ConversationMetrics.FailureStage;

/**
 * An inbound record that is not an envelope is logged by its coordinates, counted and skipped: one
 * bad record must not stop every conversation on its partition. Its bytes are never logged (they
 * may hold a member's text); the record stays on the topic for inspection.
 */
public final class LogAndSkipDeserializationHandler implements DeserializationExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(LogAndSkipDeserializationHandler.class);

  private ConversationMetrics metrics;

  @Override
  public void configure(Map<String, ?> configs) {
    metrics = ConversationMetrics.from(configs);
  }

  @Override
  public DeserializationHandlerResponse handle(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    metrics.failed(FailureStage.DESERIALIZATION);
    log.warn(
        "skipped an unreadable record at {}-{} offset {} (task {})",
        context.topic(),
        context.partition(),
        context.offset(),
        context.taskId(),
        RedactedFailure.of(exception));
    return DeserializationHandlerResponse.CONTINUE;
  }
}
