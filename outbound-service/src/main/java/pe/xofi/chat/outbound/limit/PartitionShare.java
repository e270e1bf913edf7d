package pe.xofi.chat.outbound.limit;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import pe.xofi.chat.schemas.Topics;

/**
 * Splits each provider account's rate between outbound instances by the partitions of {@code
 * outbound-messages} each one is assigned: an instance with 6 of 12 partitions sends at half the rate.
 */
public class PartitionShare implements ConsumerAwareRebalanceListener {

  private static final Logger log = LoggerFactory.getLogger(PartitionShare.class);

  private final SendLimiter limiter;
  private final Set<TopicPartition> owned = new HashSet<>();

  public PartitionShare(SendLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    update(consumer, partitions, true);
  }

  @Override
  public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    update(consumer, partitions, false);
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    update(consumer, partitions, false);
  }

  private synchronized void update(Consumer<?, ?> consumer, Collection<TopicPartition> partitions, boolean added) {
    partitions.stream().filter(tp -> tp.topic().equals(Topics.OUTBOUND_MESSAGES.name()))
        .forEach(tp -> {
          if (added) {
            owned.add(tp);
          } else {
            owned.remove(tp);
          }
        });
    if (owned.isEmpty()) {
      return;
    }
    int total = consumer.partitionsFor(Topics.OUTBOUND_MESSAGES.name()).size();
    double fraction = Math.min(1.0, owned.size() / (double) total);
    if (fraction != limiter.share()) {
      limiter.share(fraction);
      log.info("this instance owns {} of {} partitions of {}: it sends at {}% of each account's rate",
          owned.size(), total, Topics.OUTBOUND_MESSAGES, Math.round(fraction * 100));
    }
  }
}
