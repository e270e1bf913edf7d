package pe.xofi.chat.conversation.replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import pe.xofi.chat.schemas.Topic;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * Reads one conversation back from the log: only the partition its key hashes to (the producers'
 * default partitioner), only the offsets between two record timestamps, only committed records.
 * Nothing is committed and no consumer group is joined.
 */
public final class ConversationLog implements AutoCloseable {

  private static final Duration API_TIMEOUT = Duration.ofSeconds(10);

  private final String bootstrapServers;
  private final KafkaConsumer<String, byte[]> consumer;

  public ConversationLog(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) API_TIMEOUT.toMillis());
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "xofi-replay");
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /** The partition of {@code key} in {@code topic}. */
  public int partitionOf(Topic<String, ?> topic, ConversationKey key) {
    List<PartitionInfo> partitions;
    try {
      partitions = consumer.partitionsFor(topic.name(), API_TIMEOUT);
    } catch (TimeoutException e) {
      throw new ReplayException("Kafka broker unreachable at " + bootstrapServers + " (no answer within " + API_TIMEOUT.toSeconds() + " s)", e);
    }
    if (partitions == null || partitions.isEmpty()) {
      throw new ReplayException("topic " + topic.name() + " does not exist on " + bootstrapServers);
    }
    byte[] keyBytes = key.toString().getBytes(StandardCharsets.UTF_8);
    return BuiltInPartitioner.partitionForKey(keyBytes, partitions.size());
  }

  /** The inbound records of {@code key} with timestamps in [{@code from}, {@code to}); unreadable ones are counted. */
  public Slice<InboundEnvelope> inbound(ConversationKey key, Instant from, Instant to) {
    return read(Topics.INBOUND_MESSAGES, key, from, to);
  }

  /** The replies of {@code key} written at or after {@code from}, up to the end of the log. */
  public List<OutboundMessage> replies(ConversationKey key, Instant from) {
    return read(Topics.OUTBOUND_MESSAGES, key, from, null).records().stream().map(Logged::value).toList();
  }

  private <V> Slice<V> read(Topic<String, V> topic, ConversationKey key, Instant from, Instant to) {
    TopicPartition partition = new TopicPartition(topic.name(), partitionOf(topic, key));
    List<TopicPartition> assigned = List.of(partition);
    consumer.assign(assigned);
    long start = offsetAt(partition, from, consumer.beginningOffsets(assigned).get(partition));
    long end = consumer.endOffsets(assigned).get(partition);
    long stop = to == null ? end : Math.min(end, offsetAt(partition, to, end));
    List<Logged<V>> records = new ArrayList<>();
    int[] unreadable = {0};
    Deserializer<V> values = topic.valueSerde().deserializer();
    String wanted = key.toString();
    consumer.seek(partition, start);
    scan(partition, stop, record -> {
      if (!wanted.equals(record.key())) {
        return;
      }
      try {
        records.add(new Logged<>(record.offset(), record.timestamp(), values.deserialize(topic.name(), record.value())));
      } catch (RuntimeException e) {
        unreadable[0]++;
      }
    });
    return new Slice<>(partition.partition(), records, unreadable[0]);
  }

  private void scan(TopicPartition partition, long stop, Consumer<ConsumerRecord<String, byte[]>> each) {
    // read_committed: the position can jump over transaction markers, so compare positions, not counts
    while (consumer.position(partition) < stop) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500)).records(partition)) {
        if (record.offset() < stop) {
          each.accept(record);
        }
      }
    }
  }

  private long offsetAt(TopicPartition partition, Instant at, long fallback) {
    if (at == null) {
      return fallback;
    }
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(Map.of(partition, at.toEpochMilli()));
    OffsetAndTimestamp offset = found.get(partition);
    return offset == null ? consumer.endOffsets(List.of(partition)).get(partition) : offset.offset();
  }

  @Override
  public void close() {
    consumer.close();
  }

  /** Records of one conversation read from one partition. */
  public record Slice<V>(int partition, List<Logged<V>> records, int unreadable) {}

  /** A record value with its offset and timestamp. */
  public record Logged<V>(long offset, long timestamp, V value) {}
}
