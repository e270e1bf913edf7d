package pe.xofi.chat.outbound.support;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import pe.xofi.chat.schemas.Topic;
import pe.xofi.chat.testsupport.KafkaTestBroker;

/** Writes raw bytes to a topic and reads a dead-letter topic as bytes, one key's records. */
public final class DeadLetterReader {

  private DeadLetterReader() {}

  /** Writes {@code value} as it is under {@code key} and answers where it landed. */
  public static RecordMetadata produceBytes(Topic<String, ?> topic, String key, byte[] value) {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
      return producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The records of {@code key} on {@code deadLetterTopic} once there are at least {@code count}. */
  public static List<ConsumerRecord<String, byte[]>> awaitLetters(Topic<String, ?> deadLetterTopic, String key, int count) {
    List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, KafkaTestBroker.unique("dlt-reader"),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(deadLetterTopic.name()));
      await().pollInSameThread().atMost(KafkaTestBroker.patience()).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
          if (key.equals(record.key())) {
            mine.add(record);
          }
        });
        return mine.size() >= count;
      });
    }
    return mine;
  }

  /** The text of header {@code name}, or null. */
  public static String header(ConsumerRecord<?, ?> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
