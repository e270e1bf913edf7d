package pe.xofi.chat.outbound.kafka;

import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;
import pe.xofi.chat.outbound.delivery.Attempt;
import pe.xofi.chat.outbound.delivery.AttemptLog;
import pe.xofi.chat.outbound.delivery.DeliveryRecorder;
import pe.xofi.chat.outbound.send.SendFailure;
import pe.xofi.chat.outbound.send.TransientSendFailure;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.delivery.DeliveryStatus;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * Turns the error handler's decisions into delivery events: RETRYING for a transient failure that
 * will be tried again, then, once the record is on the dead-letter topic, DEAD_LETTERED if retries
 * ran out or FAILED if the provider refused it for good.
 */
class DeliveryRetryListener implements RetryListener {

  private static final Logger log = LoggerFactory.getLogger(DeliveryRetryListener.class);

  private final DeliveryRecorder deliveries;
  private final AttemptLog attempts;
  private final RetryProperties retry;
  private final Clock clock;

  DeliveryRetryListener(DeliveryRecorder deliveries, AttemptLog attempts, RetryProperties retry, Clock clock) {
    this.deliveries = deliveries;
    this.attempts = attempts;
    this.retry = retry;
    this.clock = clock;
  }

  @Override
  public void failedDelivery(ConsumerRecord<?, ?> record, Exception exception, int deliveryAttempt) {
    boolean transientFailure = SendFailure.in(exception).orElse(null) instanceof TransientSendFailure;
    if (transientFailure && deliveryAttempt < retry.maxAttempts()) {
      log.warn("reply {} to {} failed on attempt {} of {} ({}), retrying", idOf(record),
          MaskedKeys.of(record.key()), deliveryAttempt, retry.maxAttempts(), reason(exception));
      deliveries.failed(record, attempt(record), DeliveryStatus.RETRYING, exception);
    }
  }

  @Override
  public void recovered(ConsumerRecord<?, ?> record, Exception exception) {
    boolean transientFailure = SendFailure.in(exception).orElse(null) instanceof TransientSendFailure;
    DeliveryStatus status = transientFailure ? DeliveryStatus.DEAD_LETTERED : DeliveryStatus.FAILED;
    Attempt attempt = attempt(record);
    log.error("gave up on reply {} to {} after {} attempt(s) ({}): {}, moved to {}", idOf(record),
        MaskedKeys.of(record.key()), attempt.number(), reason(exception), status, Topics.OUTBOUND_MESSAGES_DLT);
    deliveries.failed(record, attempt, status, exception);
    attempts.end(idOf(record));
  }

  @Override
  public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
    log.error("could not dead-letter reply {} to {}; it will be retried: {}", idOf(record),
        MaskedKeys.of(record.key()), failure.toString());
  }

  private Attempt attempt(ConsumerRecord<?, ?> record) {
    return attempts.current(idOf(record), clock.instant());
  }

  private static String idOf(ConsumerRecord<?, ?> record) {
    return record.value() instanceof OutboundMessage message ? message.id() : null;
  }

  /** Status code and exception type only: provider texts may quote the recipient. */
  private static String reason(Exception exception) {
    return SendFailure.in(exception)
        .map(Throwable::getMessage)
        .orElseGet(() -> exception.getCause() == null
            ? exception.getClass().getSimpleName()
            : exception.getCause().getClass().getSimpleName());
  }
}
