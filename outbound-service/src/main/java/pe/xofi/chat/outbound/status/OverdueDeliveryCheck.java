package pe.xofi.chat.outbound.status;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pe.xofi.chat.outbound.dedupe.LedgerUnavailable;
import pe.xofi.chat.outbound.dedupe.SentLedger;
import pe.xofi.chat.outbound.dedupe.SentReply;
import pe.xofi.chat.outbound.kafka.MaskedKeys;

/**
 * A reply the provider accepted but has not reported delivered (or failed) within the threshold is
 * overdue: it is counted and logged once (masked key and reply id), then marked reported in the ledger.
 */
class OverdueDeliveryCheck implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(OverdueDeliveryCheck.class);

  private final SentLedger ledger;
  private final StatusMetrics metrics;
  private final StatusProperties properties;
  private final Clock clock;

  OverdueDeliveryCheck(SentLedger ledger, StatusMetrics metrics, StatusProperties properties, Clock clock) {
    this.ledger = ledger;
    this.metrics = metrics;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void run() {
    try {
      List<SentReply> overdue;
      do {
        overdue = ledger.takeUndelivered(clock.instant().minus(properties.overdueAfter()), clock.instant(),
            properties.checkBatch());
        overdue.forEach(this::report);
      } while (overdue.size() == properties.checkBatch());
    } catch (LedgerUnavailable e) {
      // the next run takes the same replies: they are marked only when taken
      log.warn("overdue delivery check skipped: {}", e.getMessage());
    }
  }

  private void report(SentReply reply) {
    metrics.overdue(reply.provider());
    log.warn("reply {} to {} sent at {} has no delivered status from {} after {}", reply.replyId(),
        MaskedKeys.of(reply.conversationKey()), reply.sentAt(), reply.provider(), properties.overdueAfter());
  }
}
