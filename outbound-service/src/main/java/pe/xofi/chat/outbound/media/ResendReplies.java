package pe.xofi.chat.outbound.media;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import pe.xofi.chat.membercrypto.EnvelopeSealer;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * Writes "send it again" replies on {@code outbound-messages}, keyed by the conversation key, so the
 * send path delivers them like any engine reply. A reply that cannot be written fails the give-up,
 * which spring-kafka then retries. The reply's content is sealed with the member's data key like the
 * engine's replies.
 */
public class ResendReplies {

  private static final long SEND_TIMEOUT_SECONDS = 30;

  private final KafkaTemplate<String, OutboundMessage> template;
  private final EnvelopeSealer sealer;

  public ResendReplies(KafkaTemplate<String, OutboundMessage> template, EnvelopeSealer sealer) {
    this.template = template;
    this.sealer = sealer;
  }

  public ResendReplies(KafkaTemplate<String, OutboundMessage> template) {
    this(template, EnvelopeSealer.clear());
  }

  public void publish(OutboundMessage clear, String traceId) {
    // a data-key outage fails the give-up like a broker outage: spring-kafka retries it
    OutboundMessage reply = sealer.seal(clear);
    ProducerRecord<String, OutboundMessage> record =
        new ProducerRecord<>(Topics.OUTBOUND_MESSAGES.name(), reply.conversationKey(), reply);
    XofiHeaders.stamp(record.headers(), Topics.OUTBOUND_MESSAGES, traceId);
    try {
      template.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing reply " + reply.id(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not write reply " + reply.id() + " on " + Topics.OUTBOUND_MESSAGES, e);
    }
  }
}
