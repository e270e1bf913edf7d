package pe.xofi.chat.outbound.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import pe.xofi.chat.schemas.Topic;
import pe.xofi.chat.testsupport.KafkaTestBroker;

/** Reads a registry topic from its beginning with a group of its own, keeping one key's records. */
public final class TopicReader<V> implements AutoCloseable {

  private final KafkaConsumer<String, V> consumer;
  private final List<ConsumerRecord<String, V>> records = new ArrayList<>();

  public TopicReader(Topic<String, V> topic) {
    consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, KafkaTestBroker.unique("reader-" + topic.name()),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    consumer.subscribe(List.of(topic.name()));
  }

  /** The records of {@code key} once there are at least {@code count} of them. */
  public List<ConsumerRecord<String, V>> awaitAtLeast(int count, String key) {
    await().pollInSameThread().atMost(KafkaTestBroker.patience()).until(() -> {
      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      return recordsOf(key).size() >= count;
    });
    return recordsOf(key);
  }

  private List<ConsumerRecord<String, V>> recordsOf(String key) {
    return records.stream().filter(r -> key.equals(r.key())).toList();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
