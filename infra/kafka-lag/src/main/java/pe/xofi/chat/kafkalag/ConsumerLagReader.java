package pe.xofi.chat.kafkalag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads consumer lag with the admin client: the committed offsets of each group (Kafka Streams
 * applications included: their group is the application id) against the log end offsets of the
 * same partitions.
 */
public final class ConsumerLagReader {

  private final Admin admin;
  private final long timeoutMs;

  public ConsumerLagReader(Admin admin, long timeoutMs) {
    this.admin = admin;
    this.timeoutMs = timeoutMs;
  }

  /** Every consumer group the cluster knows, sorted. */
  public List<String> allGroups() {
    return get(admin.listGroups().all()).stream().map(g -> g.groupId()).sorted().toList();
  }

  /** The lag of {@code groups} on every partition they have committed offsets for, sorted by group, topic, partition. */
  public List<PartitionLag> lagOf(Collection<String> groups) {
    if (groups.isEmpty()) {
      return List.of();
    }
    Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
    groups.forEach(group -> specs.put(group, new ListConsumerGroupOffsetsSpec()));
    Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = get(admin.listConsumerGroupOffsets(specs).all());
    // a partition the group never committed on still has a backlog: every partition of a topic the
    // group consumes counts, from the log start (the services' auto.offset.reset is earliest)
    Set<String> topics = new TreeSet<>();
    committed.values().forEach(offsets -> offsets.keySet().forEach(tp -> topics.add(tp.topic())));
    List<TopicPartition> partitions = new ArrayList<>();
    if (!topics.isEmpty()) {
      get(admin.describeTopics(topics).allTopicNames())
          .forEach((topic, description) -> description.partitions()
              .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
    }
    Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
    Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(partitions, OffsetSpec.earliest());
    List<PartitionLag> lags = new ArrayList<>();
    committed.forEach(
        (group, offsets) -> {
          Set<String> consumed = new TreeSet<>();
          offsets.keySet().forEach(tp -> consumed.add(tp.topic()));
          for (TopicPartition tp : partitions) {
            if (!consumed.contains(tp.topic()) || !ends.containsKey(tp)) {
              continue;
            }
            OffsetAndMetadata offset = offsets.get(tp);
            long position = offset != null ? offset.offset() : starts.get(tp).offset();
            lags.add(new PartitionLag(group, tp.topic(), tp.partition(), position, ends.get(tp).offset()));
          }
        });
    lags.sort(
        Comparator.comparing(PartitionLag::group).thenComparing(PartitionLag::topic).thenComparingInt(PartitionLag::partition));
    return lags;
  }

  private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
    if (partitions.isEmpty()) {
      return Map.of();
    }
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, spec));
    return get(admin.listOffsets(request).all());
  }

  private <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
    try {
      return future.get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading consumer lag", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read consumer lag: " + e.getClass().getSimpleName(), e);
    }
  }
}
