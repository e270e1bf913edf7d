package pe.xofi.chat.outbound.media;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pe.xofi.chat.outbound.kafka.MaskedKeys;
import pe.xofi.chat.schemas.media.MediaDownload;

/**
 * The media stage: a PENDING_FILE receipt of the requesting conversation gets its file downloaded (at most {@code maxBytes}),
 * hashed and stored, and becomes STORED; a receipt already STORED is left alone. When the file
 * cannot be had, the receipt becomes FAILED with the reason and the member is asked to send it
 * again.
 */
public class ReceiptFileDownloader {

  private static final Logger log = LoggerFactory.getLogger(ReceiptFileDownloader.class);

  private final ReceiptRepository receipts;
  private final MediaFetchers fetchers;
  private final ResendReplies replies;
  private final MediaMetrics metrics;
  private final Clock clock;
  private final int maxBytes;

  public ReceiptFileDownloader(ReceiptRepository receipts, MediaFetchers fetchers, ResendReplies replies,
      MediaMetrics metrics, Clock clock, int maxBytes) {
    this.receipts = receipts;
    this.fetchers = fetchers;
    this.replies = replies;
    this.metrics = metrics;
    this.clock = clock;
    this.maxBytes = maxBytes;
  }

  /**
   * Stores the file of {@code download}'s receipt once.
   *
   * @throws PermanentMediaFailure when the conversation has no such receipt or the file cannot be had
   * @throws TransientMediaFailure when the provider or the database is unavailable
   */
  public MediaOutcome download(MediaDownload download) {
    long start = System.nanoTime();
    try {
      // another conversation's receipt number is unknown here: its file is never replaced
      Receipt receipt = receipts.find(download.receiptId(), download.conversationKey()).orElseThrow(
          () -> new PermanentMediaFailure(MediaOutcome.UNKNOWN_RECEIPT, "unknown receipt " + download.receiptId()));
      if (receipt.status() == ReceiptStatus.STORED) {
        metrics.attempt(download.provider(), MediaOutcome.ALREADY_STORED, elapsed(start));
        return MediaOutcome.ALREADY_STORED;
      }
      ReceiptFile file = ReceiptFile.of(fetchers.forProvider(download.provider()).fetch(download, maxBytes));
      receipts.store(receipt.id(), file, clock.instant());
      metrics.attempt(download.provider(), MediaOutcome.STORED, elapsed(start));
      metrics.stored(download.provider(), file.size());
      log.info("stored the file of receipt {} for {}: {} bytes of {}, sha256 {}", download.receiptId(),
          MaskedKeys.of(download.conversationKey()), file.size(), file.mimeType(), file.sha256());
      return MediaOutcome.STORED;
    } catch (MediaFailure failure) {
      metrics.attempt(download.provider(), failure.outcome(), elapsed(start));
      throw failure;
    }
  }

  /**
   * Gives up on {@code download}'s file: the receipt becomes FAILED with {@code reason} (a STORED one
   * stays STORED) and the member gets {@link ResendReceiptReply}, saying why when {@code lastOutcome}
   * is a file too large or of another type, and carrying {@code traceId}.
   */
  public void giveUp(MediaDownload download, MediaOutcome lastOutcome, String reason, String traceId) {
    // only a STORED receipt refuses FAILED; an unknown one still gets its member asked again
    if (!receipts.markFailed(download.receiptId(), download.conversationKey(), reason, clock.instant())
        && receipts.find(download.receiptId(), download.conversationKey()).isPresent()) {
      log.info("receipt {} is already STORED; not asking for its file again", download.receiptId());
      return;
    }
    replies.publish(ResendReceiptReply.of(download, lastOutcome, maxBytes, clock.instant()), traceId);
    metrics.failed(download.provider(), lastOutcome);
    log.warn("receipt {} of {} FAILED ({}); asked the member to send the file again", download.receiptId(),
        MaskedKeys.of(download.conversationKey()), reason);
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
