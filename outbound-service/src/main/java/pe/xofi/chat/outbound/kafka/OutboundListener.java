package pe.xofi.chat.outbound.kafka;

import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import pe.xofi.chat.outbound.delivery.Attempt;
import pe.xofi.chat.outbound.delivery.AttemptLog;
import pe.xofi.chat.outbound.delivery.DeliveryMetrics;
import pe.xofi.chat.outbound.delivery.DeliveryRecorder;
import pe.xofi.chat.outbound.send.MessageSenders;
import pe.xofi.chat.outbound.send.SendFailure;
import pe.xofi.chat.outbound.send.SentReceipt;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * Sends each reply once per delivery and records SENT; a failure is rethrown so that spring-kafka's
 * error handler retries it in the partition or dead-letters it ({@link OutboundKafkaConfiguration}).
 */
@Component
class OutboundListener {

  /** Listener id, also the name of its container in the {@code KafkaListenerEndpointRegistry}. */
  static final String ID = "outbound-messages";

  private static final Logger log = LoggerFactory.getLogger(OutboundListener.class);

  private final MessageSenders senders;
  private final DeliveryRecorder deliveries;
  private final DeliveryMetrics metrics;
  private final AttemptLog attempts;
  private final Clock clock;

  OutboundListener(MessageSenders senders, DeliveryRecorder deliveries, DeliveryMetrics metrics,
      AttemptLog attempts, Clock clock) {
    this.senders = senders;
    this.deliveries = deliveries;
    this.metrics = metrics;
    this.attempts = attempts;
    this.clock = clock;
  }

  @KafkaListener(
      id = ID,
      // the group is spring.kafka.consumer.group-id (outbound-service), not the listener id
      idIsGroup = false,
      topics = "#{T(pe.xofi.chat.schemas.Topics).OUTBOUND_MESSAGES.name()}",
      containerFactory = OutboundKafkaConfiguration.CONTAINER_FACTORY)
  void onMessage(ConsumerRecord<String, OutboundMessage> record) {
    OutboundMessage message = record.value();
    Attempt attempt = attempts.begin(message.id(), clock.instant());
    long start = System.nanoTime();
    try {
      SentReceipt receipt = senders.forProvider(message.provider()).send(message);
      metrics.sent(message.provider(), receipt.statusCode(), Duration.ofNanos(System.nanoTime() - start));
      attempts.end(message.id());
      log.info("sent reply {} to {} as {} (attempt {})", message.id(), MaskedKeys.of(record.key()),
          receipt.providerMessageId(), attempt.number());
      deliveries.sent(record, attempt, receipt);
    } catch (SendFailure failure) {
      metrics.failed(message.provider(), failure, Duration.ofNanos(System.nanoTime() - start));
      throw failure;
    }
  }
}
