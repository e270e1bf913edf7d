package pe.xofi.chat.outbound.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;
import pe.xofi.chat.outbound.dedupe.LedgerUnavailable;
import pe.xofi.chat.outbound.dedupe.SentLedger;
import pe.xofi.chat.outbound.dedupe.SentReply;
import pe.xofi.chat.outbound.delivery.Attempt;
import pe.xofi.chat.outbound.delivery.AttemptLog;
import pe.xofi.chat.outbound.delivery.DeliveryMetrics;
import pe.xofi.chat.outbound.delivery.DeliveryRecorder;
import pe.xofi.chat.outbound.limit.SendLimiter;
import pe.xofi.chat.outbound.limit.SendPermit;
import pe.xofi.chat.outbound.limit.TokenWait;
import pe.xofi.chat.outbound.send.MessageSenders;
import pe.xofi.chat.outbound.send.PermanentSendFailure;
import pe.xofi.chat.outbound.send.SendFailure;
import pe.xofi.chat.outbound.send.SentReceipt;
import pe.xofi.chat.outbound.send.TransientSendFailure;
import pe.xofi.chat.membercrypto.EnvelopeSealer;
import pe.xofi.chat.membercrypto.MemberKeysUnavailableException;
import pe.xofi.chat.membercrypto.Unsealed;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.delivery.DeliveryStatus;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * Sends each reply at most once (the ledger, by conversation and reply id), no faster than its
 * limits allow (a {@link SendPermit} held during the exchange), and in order per partition: a reply that must wait (no token, a back-off, a {@code Retry-After}) is negatively
 * acknowledged, which pauses this consumer's partition and redelivers the same reply after the wait,
 * while the consumer keeps polling and stays in the group. A refused reply, or one whose attempts ran
 * out, goes to {@code outbound-messages-dlt} and the partition moves on. A sealed reply is opened in
 * memory just before it is sent; one whose member was forgotten is never sent (FAILED, {@code forgotten}).
 */
@Component
class OutboundListener {

  /** Listener id, also the name of its container in the {@code KafkaListenerEndpointRegistry}. */
  static final String ID = "outbound-messages";

  /** How long a partition waits when the ledger cannot be read; the reply is not counted as attempted. */
  static final Duration LEDGER_RETRY = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(OutboundListener.class);

  private final MessageSenders senders;
  private final DeliveryRecorder deliveries;
  private final DeliveryMetrics metrics;
  private final AttemptLog attempts;
  private final SentLedger ledger;
  private final SendLimiter limiter;
  private final RetryPolicy retry;
  private final DeadLetterPublishingRecoverer deadLetters;
  private final Clock clock;
  private final EnvelopeSealer sealer;

  OutboundListener(MessageSenders senders, DeliveryRecorder deliveries, DeliveryMetrics metrics,
      AttemptLog attempts, SentLedger ledger, SendLimiter limiter, RetryProperties retry,
      DeadLetterPublishingRecoverer deadLetterRecoverer, Clock clock, EnvelopeSealer sealer) {
    this.sealer = sealer;
    this.senders = senders;
    this.deliveries = deliveries;
    this.metrics = metrics;
    this.attempts = attempts;
    this.ledger = ledger;
    this.limiter = limiter;
    this.retry = new RetryPolicy(retry);
    this.deadLetters = deadLetterRecoverer;
    this.clock = clock;
  }

  @KafkaListener(
      id = ID,
      // the group is spring.kafka.consumer.group-id (outbound-service), not the listener id
      idIsGroup = false,
      topics = "#{T(pe.xofi.chat.schemas.Topics).OUTBOUND_MESSAGES.name()}",
      containerFactory = OutboundKafkaConfiguration.CONTAINER_FACTORY)
  void onMessage(ConsumerRecord<String, OutboundMessage> record, Acknowledgment ack, Consumer<?, ?> consumer) {
    OutboundMessage message;
    try {
      switch (sealer.open(record.value())) {
        case Unsealed.Readable<OutboundMessage> readable -> message = readable.value();
        case Unsealed.Forgotten<OutboundMessage> forgotten -> {
          log.info("reply {} to {} belongs to a forgotten member; not sending it", record.value().id(), MaskedKeys.of(record.key()));
          deliveries.forgotten(record);
          ack.acknowledge();
          return;
        }
        case Unsealed.Locked<OutboundMessage> locked -> {
          log.error("reply {} to {} is sealed and XOFI_DATA_KEYSET is not set; moved to {}", record.value().id(),
              MaskedKeys.of(record.key()), Topics.OUTBOUND_MESSAGES_DLT);
          deadLetters.accept(record, consumer, new ListenerExecutionFailedException("a sealed reply and no XOFI_DATA_KEYSET"));
          ack.acknowledge();
          return;
        }
      }
    } catch (MemberKeysUnavailableException e) {
      log.warn("cannot read the data key of reply {} to {}; waiting {}", record.value().id(), MaskedKeys.of(record.key()),
          LEDGER_RETRY);
      ack.nack(LEDGER_RETRY);
      return;
    }
    Optional<SentReply> alreadySent;
    try {
      alreadySent = ledger.find(message.conversationKey(), message.id());
    } catch (LedgerUnavailable e) {
      log.warn("cannot check whether reply {} to {} was sent ({}); waiting {}", message.id(),
          MaskedKeys.of(record.key()), e.getMessage(), LEDGER_RETRY);
      ack.nack(LEDGER_RETRY);
      return;
    }
    if (alreadySent.isPresent()) {
      log.info("reply {} to {} was already sent as {}; not sending it again", message.id(),
          MaskedKeys.of(record.key()), alreadySent.get().providerMessageId());
      metrics.duplicateSkipped(message.provider());
      attempts.end(message.id());
      ack.acknowledge();
      return;
    }
    switch (limiter.acquire(message.provider(), message.recipient())) {
      case TokenWait wait -> {
        log.debug("reply {} to {} waits {} for the {} limit", message.id(), MaskedKeys.of(record.key()),
            wait.delay(), wait.scope());
        ack.nack(wait.delay());
      }
      case SendPermit permit -> send(record, message, ack, consumer, permit);
    }
  }

  private void send(ConsumerRecord<String, OutboundMessage> record, OutboundMessage message,
      Acknowledgment ack, Consumer<?, ?> consumer, SendPermit permit) {
    Attempt attempt = attempts.begin(message.id(), clock.instant());
    long start = System.nanoTime();
    SentReceipt receipt;
    // the permit is returned (one window later) as soon as the exchange is over, however it ended: by the
    // I/O thread when the sender gets that far, else when this block is left
    try (permit) {
      receipt = senders.forProvider(message.provider()).send(message, permit::close);
    } catch (SendFailure failure) {
      metrics.failed(message.provider(), failure, Duration.ofNanos(System.nanoTime() - start));
      failed(record, message, attempt, failure, ack, consumer);
      return;
    }
    metrics.sent(message.provider(), receipt.statusCode(), Duration.ofNanos(System.nanoTime() - start));
    if (message.createdAt() != null) {
      metrics.endToEnd(message.provider(), Duration.between(message.createdAt(), clock.instant()));
    }
    attempts.end(message.id());
    log.info("sent reply {} to {} as {} (attempt {})", message.id(), MaskedKeys.of(record.key()),
        receipt.providerMessageId(), attempt.number());
    remember(record, message, receipt);
    deliveries.sent(record, attempt, receipt);
    ack.acknowledge();
  }

  /** A send that cannot be recorded is still sent: failing now would make the member get it twice. */
  private void remember(ConsumerRecord<String, OutboundMessage> record, OutboundMessage message, SentReceipt receipt) {
    try {
      ledger.record(new SentReply(message.id(), message.conversationKey(), message.provider(),
          receipt.providerMessageId(), clock.instant()));
    } catch (LedgerUnavailable e) {
      metrics.unrecorded(message.provider());
      log.error("reply {} to {} was sent but could not be recorded ({}); a redelivery would send it again",
          message.id(), MaskedKeys.of(record.key()), e.getMessage());
    }
  }

  private void failed(ConsumerRecord<String, OutboundMessage> record, OutboundMessage message, Attempt attempt,
      SendFailure failure, Acknowledgment ack, Consumer<?, ?> consumer) {
    if (failure instanceof TransientSendFailure transientFailure && retry.mayRetryAfter(attempt.number())) {
      Duration delay = retry.delayAfter(attempt.number(), transientFailure);
      metrics.retried(message.provider(), transientFailure);
      log.warn("reply {} to {} failed on attempt {} ({}), retrying in {}", message.id(),
          MaskedKeys.of(record.key()), attempt.number(), failure.getMessage(), delay);
      deliveries.failed(record, attempt, DeliveryStatus.RETRYING, failure);
      ack.nack(delay);
      return;
    }
    DeliveryStatus status = failure instanceof PermanentSendFailure ? DeliveryStatus.FAILED : DeliveryStatus.DEAD_LETTERED;
    // wrapped as the error handler would, so spring-kafka's cause headers name the send failure;
    // publishing waits for the broker's ack, and if it fails the error handler tries again
    deadLetters.accept(record, consumer, new ListenerExecutionFailedException(failure.getMessage(), failure));
    metrics.deadLettered(message.provider(), status);
    log.error("gave up on reply {} to {} after {} attempt(s) ({}): {}, moved to {}", message.id(),
        MaskedKeys.of(record.key()), attempt.number(), failure.getMessage(), status, Topics.OUTBOUND_MESSAGES_DLT);
    deliveries.failed(record, attempt, status, failure);
    attempts.end(message.id());
    ack.acknowledge();
  }
}
