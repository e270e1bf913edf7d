package pe.xofi.chat.conversation.streams;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pe.xofi.chat.conversation.metrics.ConversationMetrics;
import pe.xofi.chat.conversation.metrics.ConversationMetrics.FailureStage;

/**
 * A record that fails in any processor node outside the engine's own guard is logged by its
 * coordinates, counted and skipped, so no member's message can stop a stream thread.
 */
public final class LogAndSkipProcessingHandler implements ProcessingExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(LogAndSkipProcessingHandler.class);

  private ConversationMetrics metrics;

  @Override
  public void configure(Map<String, ?> configs) {
    metrics = ConversationMetrics.from(configs);
  }

  @Override
  public ProcessingHandlerResponse handle(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    metrics.failed(FailureStage.PROCESSING);
    log.warn(
        "skipped a record in node {} from {}-{} offset {} (task {})",
        context.processorNodeId(),
        context.topic(),
        context.partition(),
        context.offset(),
        context.taskId(),
        RedactedFailure.of(exception));
    return ProcessingHandlerResponse.CONTINUE;
  }
}
