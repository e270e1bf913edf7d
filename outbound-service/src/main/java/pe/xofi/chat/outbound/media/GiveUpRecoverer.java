package pe.xofi.chat.outbound.media;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.media.MediaDownload;

/**
 * What the error handler does once a download will not be retried: a permanent failure, or a
 * transient one after the last attempt, makes the receipt FAILED and asks the member again; a bug
 * (any other exception) does the same and also moves the request to {@code media-downloads-dlt}. A
 * request that could not even be read has no receipt to fail: it only goes to the dead-letter topic.
 */
class GiveUpRecoverer implements ConsumerRecordRecoverer {

  private static final Logger log = LoggerFactory.getLogger(GiveUpRecoverer.class);

  private final ReceiptFileDownloader downloader;
  private final int maxAttempts;
  private final ConsumerRecordRecoverer deadLetters;

  GiveUpRecoverer(ReceiptFileDownloader downloader, int maxAttempts, ConsumerRecordRecoverer deadLetters) {
    this.downloader = downloader;
    this.maxAttempts = maxAttempts;
    this.deadLetters = deadLetters;
  }

  @Override
  public void accept(ConsumerRecord<?, ?> record, Exception exception) {
    if (!(record.value() instanceof MediaDownload download)) {
      deadLetters.accept(record, exception);
      log.error("moved unreadable media download at {}-{}@{} to {}: {}", record.topic(), record.partition(),
          record.offset(), Topics.MEDIA_DOWNLOADS_DLT, MediaFailure.rootCause(exception));
      return;
    }
    MediaFailure failure = MediaFailure.in(exception).orElse(null);
    if (failure == null) {
      // a bug, not the provider: kept for a redrive once fixed, and the member is asked again meanwhile
      deadLetters.accept(record, exception);
    }
    MediaOutcome outcome = failure == null ? MediaOutcome.REJECTED : failure.outcome();
    downloader.giveUp(download, outcome, reason(failure, exception), XofiHeaders.traceId(record.headers()));
  }

  /** The {@code failure_reason}: what failed, and for transient failures that retries ran out. */
  String reason(MediaFailure failure, Exception exception) {
    if (failure == null) {
      return "unexpected error: " + MediaFailure.rootCause(exception);
    }
    if (failure instanceof TransientMediaFailure) {
      return "gave up after " + maxAttempts + " attempt(s): " + failure.getMessage();
    }
    return failure.getMessage();
  }
}
