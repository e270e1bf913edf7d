package pe.xofi.chat.schemas;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A Kafka topic with everything a producer or consumer needs to use it: its name, its key and value
 * serdes, the JSON Schema of its value and how it is provisioned.
 *
 * @param name          the topic name, written only in {@link Topics}
 * @param keySerde      serde of the key (the conversation key for every topic of this pipeline)
 * @param valueSerde    serde of the value
 * @param valueType     the record class of the value
 * @param schemaVersion version of the value's JSON Schema, sent in the {@link XofiHeaders#SCHEMA_VERSION} header
 * @param retention     how long the broker keeps records; {@code null} means the broker default
 */
public record Topic<K, V>(
    String name,
    Serde<K> keySerde,
    Serde<V> valueSerde,
    Class<V> valueType,
    int schemaVersion,
    Duration retention) {

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
    Objects.requireNonNull(valueType, "valueType");
  }

  /** A topic keyed by conversation key with a JSON value of the given record type. */
  static <V> Topic<String, V> json(String name, Class<V> valueType, Duration retention) {
    return new Topic<>(name, Serdes.String(), new JsonSerde<>(valueType), valueType, 1, retention);
  }

  /**
   * The topic-level configs provisioning sets: delete-only cleanup (no topic of the pipeline is
   * compacted: a key is a conversation, not an entity whose latest value is all that matters) and
   * the retention when there is one.
   */
  public Map<String, String> configs() {
    Map<String, String> configs = new LinkedHashMap<>();
    configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
    if (retention != null) {
      configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
    }
    return configs;
  }

  /** Classpath location of the JSON Schema that describes this topic's value. */
  public String schemaResource() {
    return "/schemas/" + name + ".schema.json";
  }

  @Override
  public String toString() {
    return name;
  }
}
