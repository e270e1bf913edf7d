package pe.xofi.chat.outbound.delivery;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import pe.xofi.chat.outbound.send.SendFailure;
import pe.xofi.chat.outbound.send.SentReceipt;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.delivery.DeliveryEvent;
import pe.xofi.chat.schemas.delivery.DeliveryStatus;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * Writes one {@link DeliveryEvent} per outcome on {@code delivery-events}, keyed by the conversation
 * key and carrying the consumed record's trace id. A lost event is logged, never allowed to undo a
 * send, because failing here would make the member receive the reply twice.
 */
public class DeliveryRecorder {

  private static final Logger log = LoggerFactory.getLogger(DeliveryRecorder.class);
  private static final long SEND_TIMEOUT_SECONDS = 30;

  private final KafkaTemplate<String, DeliveryEvent> template;
  private final DeliveryMetrics metrics;
  private final Clock clock;

  public DeliveryRecorder(KafkaTemplate<String, DeliveryEvent> template, DeliveryMetrics metrics, Clock clock) {
    this.template = template;
    this.metrics = metrics;
    this.clock = clock;
  }

  public void sent(ConsumerRecord<String, OutboundMessage> source, Attempt attempt, SentReceipt receipt) {
    OutboundMessage message = source.value();
    publish(source, new DeliveryEvent(message.id(), message.conversationKey(), message.provider(),
        receipt.providerMessageId(), DeliveryStatus.SENT, null, receipt.statusCode(), attempt.number(),
        attempt.first(), attempt.last(), clock.instant()));
  }

  /** What a reply whose member was forgotten records: FAILED with this error, never sent. */
  public static final String FORGOTTEN = "forgotten";

  /** A reply not sent because its member was forgotten ({@code ./xofi forget}): FAILED, reason {@value #FORGOTTEN}. */
  public void forgotten(ConsumerRecord<String, OutboundMessage> source) {
    OutboundMessage message = source.value();
    publish(source, new DeliveryEvent(message.id(), message.conversationKey(), message.provider(), null,
        DeliveryStatus.FAILED, FORGOTTEN, null, 0, null, null, clock.instant()));
  }

  /** A failed attempt: RETRYING, FAILED or DEAD_LETTERED, with the error of {@code exception}. */
  public void failed(ConsumerRecord<?, ?> source, Attempt attempt, DeliveryStatus status, Exception exception) {
    OutboundMessage message = source.value() instanceof OutboundMessage m ? m : null;
    SendFailure failure = SendFailure.in(exception).orElse(null);
    String error = failure != null ? failure.detail() : describe(exception);
    Integer statusCode = failure == null ? null : failure.statusCode().orElse(null);
    publish(source, new DeliveryEvent(
        message == null ? null : message.id(),
        message == null ? keyOf(source) : message.conversationKey(),
        message == null ? null : message.provider(),
        null, status, error, statusCode, attempt.number(), attempt.first(), attempt.last(), clock.instant()));
  }

  private void publish(ConsumerRecord<?, ?> source, DeliveryEvent event) {
    ProducerRecord<String, DeliveryEvent> record =
        new ProducerRecord<>(Topics.DELIVERY_EVENTS.name(), event.conversationKey(), event);
    XofiHeaders.stamp(record.headers(), Topics.DELIVERY_EVENTS, XofiHeaders.traceId(source.headers()));
    try {
      template.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      metrics.recorded(event.status());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.error("interrupted while recording {} of reply {}", event.status(), event.outboundId());
    } catch (Exception e) {
      log.error("could not record {} of reply {} on {}: {}", event.status(), event.outboundId(),
          Topics.DELIVERY_EVENTS, e.toString());
    }
  }

  private static String keyOf(ConsumerRecord<?, ?> source) {
    return source.key() instanceof String key ? key : null;
  }

  /** The innermost cause's class and message; used only for failures that are not send failures. */
  private static String describe(Exception exception) {
    Throwable root = exception;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
