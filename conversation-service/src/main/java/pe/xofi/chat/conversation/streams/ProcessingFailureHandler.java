package pe.xofi.chat.conversation.streams;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pe.xofi.chat.conversation.member.MemberDataUnavailableException;
import pe.xofi.chat.conversation.metrics.ConversationMetrics;
import pe.xofi.chat.conversation.metrics.ConversationMetrics.FailureStage;

/**
 * A member-data outage fails the task, so the message is processed again from the last committed
 * offset once {@link ReplaceThreadOnFailure} has replaced the thread. The engine's processor
 * dead-letters the records it cannot read or handle itself; this handler is the backstop for a
 * failure in any other node (the output mappings): logged by its coordinates, counted and skipped,
 * so no single member's message can stop a stream thread. (Kafka Streams 4.1's handler cannot add
 * a record to the task's transaction, so it cannot dead-letter.)
 */
public final class ProcessingFailureHandler implements ProcessingExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProcessingFailureHandler.class);

  private ConversationMetrics metrics;

  @Override
  public void configure(Map<String, ?> configs) {
    metrics = ConversationMetrics.from(configs);
  }

  @Override
  public ProcessingHandlerResponse handle(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (isMemberDataOutage(exception)) {
      log.warn(
          "failing task {} at {}-{} offset {}: member data unavailable, the record will be retried",
          context.taskId(),
          context.topic(),
          context.partition(),
          context.offset());
      return ProcessingHandlerResponse.FAIL;
    }
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

  private static boolean isMemberDataOutage(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof MemberDataUnavailableException) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }
}
