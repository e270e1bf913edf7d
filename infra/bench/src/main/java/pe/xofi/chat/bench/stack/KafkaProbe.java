package pe.xofi.chat.bench.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import pe.xofi.chat.schemas.Topic;

/** The broker questions and chores of a benchmark: offsets, lag, group resets, scratch topics. */
public final class KafkaProbe implements AutoCloseable {

  private final String bootstrap;
  private final Admin admin;

  public KafkaProbe(String bootstrap) {
    this.bootstrap = bootstrap;
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    this.admin = Admin.create(props);
  }

  public String bootstrap() {
    return bootstrap;
  }

  /** The partitions of {@code topic}. */
  public List<TopicPartition> partitions(Topic<?, ?> topic) {
    return get(admin.describeTopics(List.of(topic.name())).allTopicNames()).get(topic.name()).partitions().stream()
        .map(p -> new TopicPartition(topic.name(), p.partition()))
        .toList();
  }

  /** Log-end offset of each partition of {@code topic}. */
  public Map<TopicPartition, Long> endOffsets(Topic<?, ?> topic) {
    return offsets(partitions(topic), OffsetSpec.latest());
  }

  /** Log-start offset of each partition of {@code topic}. */
  public Map<TopicPartition, Long> startOffsets(Topic<?, ?> topic) {
    return offsets(partitions(topic), OffsetSpec.earliest());
  }

  private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec) {
    Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(p -> p, p -> spec));
    return get(admin.listOffsets(request).all()).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  /** The committed offsets of {@code group} on {@code topic} (the partition's start when none). */
  public Map<TopicPartition, Long> committed(String group, Topic<?, ?> topic) {
    Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
    Map<TopicPartition, Long> starts = startOffsets(topic);
    Map<TopicPartition, Long> result = new HashMap<>();
    starts.forEach((p, start) -> {
      OffsetAndMetadata o = committed.get(p);
      result.put(p, o == null ? start : Math.max(start, o.offset()));
    });
    return result;
  }

  /** Records of {@code topic} that {@code group} has not committed yet. */
  public long lag(String group, Topic<?, ?> topic) {
    Map<TopicPartition, Long> ends = endOffsets(topic);
    Map<TopicPartition, Long> committed = committed(group, topic);
    return ends.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - committed.get(e.getKey()))).sum();
  }

  /**
   * Sets {@code group}'s offsets. The group must have no members: a member of a process just
   * stopped may still be listed until it has left or its session expired, so this retries for
   * up to 90 s.
   */
  public void setOffsets(String group, Map<TopicPartition, Long> offsets) {
    Map<TopicPartition, OffsetAndMetadata> request = new HashMap<>();
    offsets.forEach((p, o) -> request.put(p, new OffsetAndMetadata(o)));
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (true) {
      try {
        get(admin.alterConsumerGroupOffsets(group, request).all());
        return;
      } catch (IllegalStateException e) {
        boolean stillMember = e.getCause() instanceof UnknownMemberIdException || e.getCause() instanceof GroupNotEmptyException;
        if (!stillMember || System.nanoTime() > deadline) {
          throw e;
        }
        sleep(Duration.ofSeconds(1));
      }
    }
  }

  /** Moves {@code group} to the end of {@code topic}, skipping its backlog. */
  public void skipToEnd(String group, Topic<?, ?> topic) {
    setOffsets(group, endOffsets(topic));
  }

  /** Creates {@code topic} with {@code partitions}, replacing an old one. */
  public void recreate(Topic<?, ?> topic, int partitions) {
    delete(topic);
    get(admin.createTopics(List.of(new NewTopic(topic.name(), partitions, (short) 1))).all());
  }

  /** Deletes {@code topic} if it exists. */
  public void delete(Topic<?, ?> topic) {
    if (get(admin.listTopics().names()).contains(topic.name())) {
      get(admin.deleteTopics(List.of(topic.name())).all());
      sleep(Duration.ofSeconds(1));
    }
  }

  /**
   * Average size in bytes (key + value + headers) of up to {@code max} records of {@code topic}
   * before its end: the size of a record as its producer writes it.
   */
  public double averageRecordSize(Topic<?, ?> topic, int max) {
    List<Integer> sizes = new ArrayList<>();
    read(topic, endOffsets(topic), max, record -> {
      int headers = 0;
      for (Header h : record.headers()) {
        headers += h.key().length() + (h.value() == null ? 0 : h.value().length);
      }
      sizes.add(Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize()) + headers);
    });
    return sizes.stream().mapToInt(Integer::intValue).average().orElse(0);
  }

  /** Reads the records of {@code topic} from {@code from} to the current end (at most about {@code max} backwards from the end when from is the end). */
  public void read(Topic<?, ?> topic, Map<TopicPartition, Long> from, int maxBack, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
    Map<TopicPartition, Long> ends = endOffsets(topic);
    Map<TopicPartition, Long> starts = startOffsets(topic);
    int perPartition = Math.max(1, maxBack / Math.max(1, ends.size()));
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(ends.keySet());
      Map<TopicPartition, Long> targets = new HashMap<>(ends);
      for (TopicPartition p : ends.keySet()) {
        long start = from.getOrDefault(p, starts.get(p));
        if (start >= ends.get(p)) {
          start = Math.max(starts.get(p), ends.get(p) - perPartition);
        }
        consumer.seek(p, start);
      }
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (!targets.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(sink);
        targets.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
      }
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    }
  }
}
