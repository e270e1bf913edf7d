package pe.xofi.chat.ingress.publish;

import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import pe.xofi.chat.schemas.Topic;
import pe.xofi.chat.schemas.XofiHeaders;

/**
 * One record a webhook asks to publish: a registry topic, the conversation key and the value; it is
 * serialized with the topic's own serdes so no service ever picks a serde itself.
 */
public record PendingRecord<V>(Topic<String, V> topic, String key, V value) {

  public PendingRecord {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  /** The wire record, stamped with the webhook's trace id and the topic's schema version. */
  public ProducerRecord<byte[], byte[]> toProducerRecord(String traceId) {
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic.name(), null, null);
    XofiHeaders.stamp(record.headers(), topic, traceId);
    byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), record.headers(), key);
    byte[] valueBytes =
        topic.valueSerde().serializer().serialize(topic.name(), record.headers(), value);
    return new ProducerRecord<>(topic.name(), null, keyBytes, valueBytes, record.headers());
  }
}
