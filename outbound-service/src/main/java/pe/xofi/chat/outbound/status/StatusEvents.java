package pe.xofi.chat.outbound.status;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.core.KafkaTemplate;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.delivery.DeliveryEvent;

/**
 * Writes the delivery event of a provider status and waits for the broker; unlike a send's event, a
 * lost one fails the status so that spring-kafka tries it again (the ledger is marked only after).
 */
class StatusEvents {

  private static final long SEND_TIMEOUT_SECONDS = 30;

  private final KafkaTemplate<String, DeliveryEvent> template;

  StatusEvents(KafkaTemplate<String, DeliveryEvent> template) {
    this.template = template;
  }

  void publish(DeliveryEvent event, Headers source) {
    ProducerRecord<String, DeliveryEvent> record =
        new ProducerRecord<>(Topics.DELIVERY_EVENTS.name(), event.conversationKey(), event);
    XofiHeaders.stamp(record.headers(), Topics.DELIVERY_EVENTS, XofiHeaders.traceId(source));
    try {
      template.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while recording " + event.status() + " of reply " + event.outboundId(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaException("could not record " + event.status() + " of reply " + event.outboundId(), e);
    }
  }
}
