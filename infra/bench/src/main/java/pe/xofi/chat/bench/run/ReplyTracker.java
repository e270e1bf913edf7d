package pe.xofi.chat.bench.run;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import pe.xofi.chat.bench.stack.SandboxClient;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.delivery.DeliveryEvent;
import pe.xofi.chat.schemas.delivery.DeliveryStatus;

/**
 * Feeds {@link FirstReplies} while end-to-end runs go on: the sandbox's new receipts, then the
 * {@code SENT} events the outbound service wrote to {@code delivery-events} since they were read last.
 */
final class ReplyTracker implements AutoCloseable {

  private static final Duration READ_WITHIN = Duration.ofSeconds(5);

  private final SandboxClient sandbox;
  private final FirstReplies replies;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Deserializer<DeliveryEvent> events = Topics.DELIVERY_EVENTS.valueSerde().deserializer();
  private long nextReceipt;

  /** Reads receipts from the sandbox's first one and {@code delivery-events} from {@code from}. */
  ReplyTracker(SandboxClient sandbox, String bootstrap, Map<TopicPartition, Long> from, FirstReplies replies) {
    this.sandbox = sandbox;
    this.replies = replies;
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.assign(from.keySet());
    from.forEach(consumer::seek);
  }

  /** Reads what arrived since the last call; returns the number of new receipts. */
  int poll() {
    var fresh = sandbox.receiptsSince(nextReceipt);
    for (SandboxClient.Receipt r : fresh) {
      replies.received(r.id(), r.at());
      nextReceipt = r.seq() + 1;
    }
    // the events of the receipts just read are committed by now: read up to the current end
    Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
    long deadline = System.nanoTime() + READ_WITHIN.toNanos();
    while (behind(ends) && System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
        DeliveryEvent event = events.deserialize(Topics.DELIVERY_EVENTS.name(), record.value());
        if (event != null && event.status() == DeliveryStatus.SENT && event.providerMessageId() != null && event.outboundId() != null) {
          replies.sent(event.providerMessageId(), event.outboundId());
        }
      }
    }
    return fresh.size();
  }

  private boolean behind(Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue());
  }

  @Override
  public void close() {
    consumer.close();
  }
}
