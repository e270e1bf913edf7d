package pe.xofi.chat.conversation.streams;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stream thread that dies (a task failed on a member-data outage, or anything unexpected) is
 * replaced: its tasks resume from their last committed offsets, so the message is processed again
 * rather than lost, and the service keeps running instead of going to ERROR.
 */
public final class ReplaceThreadOnFailure implements StreamsUncaughtExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ReplaceThreadOnFailure.class);

  @Override
  public StreamThreadExceptionResponse handle(Throwable exception) {
    log.warn("replacing a stream thread after an uncaught failure", RedactedFailure.of(exception));
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }
}
