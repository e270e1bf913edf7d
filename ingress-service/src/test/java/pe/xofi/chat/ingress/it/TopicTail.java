package pe.xofi.chat.ingress.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import pe.xofi.chat.schemas.Topic;

/**
 * Reads a registry topic from its current end on, so a test sees only the records it caused even
 * on a broker that other tests (or earlier runs) already wrote to.
 */
final class TopicTail<V> implements AutoCloseable {

  /** One consumed record: key, headers (name to UTF-8 value) and value. */
  record Received<V>(String key, Map<String, String> headers, V value) {}

  private final KafkaConsumer<String, V> consumer;
  private final List<Received<V>> received = new ArrayList<>();

  TopicTail(String bootstrapServers, Topic<String, V> topic) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer =
        new KafkaConsumer<>(
            config, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic.name()).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    // resolve the end offsets now, before the test publishes
    partitions.forEach(consumer::position);
  }

  /** Everything read so far after polling once more. */
  List<Received<V>> poll() {
    for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
      Map<String, String> headers = new LinkedHashMap<>();
      for (Header header : record.headers()) {
        headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
      }
      received.add(new Received<>(record.key(), headers, record.value()));
    }
    return List.copyOf(received);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
