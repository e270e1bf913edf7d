package pe.xofi.chat.kafkalag;

/**
 * How far one consumer group is behind on one partition: the log end offset minus the group's
 * committed offset (never negative).
 */
public record PartitionLag(String group, String topic, int partition, long committed, long logEnd) {

  /** Records the group has not consumed yet. */
  public long lag() {
    return Math.max(0, logEnd - committed);
  }
}
