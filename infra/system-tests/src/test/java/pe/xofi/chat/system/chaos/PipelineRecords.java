package pe.xofi.chat.system.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import pe.xofi.chat.schemas.Topic;
import pe.xofi.chat.membercrypto.EnvelopeSealer;
import pe.xofi.chat.membercrypto.Unsealed;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.delivery.DeliveryEvent;
import pe.xofi.chat.schemas.delivery.DeliveryStatus;
import pe.xofi.chat.schemas.events.ConversationEvent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * What the pipeline wrote for a scenario's conversations, read {@code read_committed} from the
 * offsets the topics had when the scenario began: the engine's audit facts ({@code
 * conversation-events}), the replies ({@code outbound-messages}) and the send outcomes ({@code
 * delivery-events}).
 */
final class PipelineRecords {

  private static final List<Topic<String, ?>> READ =
      List.of(Topics.CONVERSATION_EVENTS, Topics.OUTBOUND_MESSAGES, Topics.DELIVERY_EVENTS);

  /** A reply as the engine (or the media stage) produced it. */
  record Reply(String id, String conversationKey, String body) {}

  /** Per inbound message id: {@code MESSAGE_HANDLED} facts. */
  final Map<String, Integer> handled = new HashMap<>();
  /** Per inbound message id: the reply count its {@code MESSAGE_HANDLED} announced. */
  final Map<String, Integer> announcedReplies = new HashMap<>();
  final Map<String, Integer> duplicatesDropped = new HashMap<>();
  final Map<String, Integer> ticketEvents = new HashMap<>();
  final Map<String, Integer> receiptEvents = new HashMap<>();
  /** Per reply id: records on {@code outbound-messages}. */
  final Map<String, Integer> replyRecords = new HashMap<>();
  /** Per conversation key: its replies in topic order (one key, one partition). */
  final Map<String, List<Reply>> repliesByKey = new LinkedHashMap<>();
  /** Per reply id: when the outbound service first recorded it {@code SENT}. */
  final Map<String, Instant> firstSent = new HashMap<>();
  final Map<String, Integer> sentEvents = new HashMap<>();
  /** Replies given up on ({@code FAILED}, {@code DEAD_LETTERED}). */
  final Map<String, Integer> givenUp = new HashMap<>();

  private final EnvelopeSealer opener;

  private PipelineRecords(EnvelopeSealer opener) {
    this.opener = opener;
  }

  /** The end offsets (under {@code read_committed}) of the read topics now: a scenario's starting point. */
  static Map<TopicPartition, Long> endOffsets(String bootstrapServers) {
    try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
      List<TopicPartition> partitions = partitions(consumer);
      return new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
    }
  }

  /** Reads everything from {@code from} up to the current stable end, keeping only {@code keys}. */
  static PipelineRecords read(String bootstrapServers, Map<TopicPartition, Long> from, Set<String> keys, EnvelopeSealer opener) {
    PipelineRecords records = new PipelineRecords(opener);
    try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
      List<TopicPartition> partitions = partitions(consumer);
      consumer.assign(partitions);
      for (TopicPartition partition : partitions) {
        consumer.seek(partition, from.getOrDefault(partition, 0L));
      }
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      Instant deadline = Instant.now().plusSeconds(120);
      while (!caughtUp(consumer, end)) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("could not read the topics up to " + end);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
          if (keys.contains(record.key())) {
            records.add(record);
          }
        }
      }
    }
    return records;
  }

  private void add(ConsumerRecord<String, byte[]> record) {
    String topic = record.topic();
    if (topic.equals(Topics.CONVERSATION_EVENTS.name())) {
      ConversationEvent event = Topics.CONVERSATION_EVENTS.valueSerde().deserializer().deserialize(topic, record.value());
      String source = event.sourceMessageId();
      switch (event.type()) {
        case MESSAGE_HANDLED -> {
          handled.merge(source, 1, Integer::sum);
          announcedReplies.put(source, Integer.parseInt(event.attributes().getOrDefault("replies", "0")));
        }
        case DUPLICATE_DROPPED -> duplicatesDropped.merge(source, 1, Integer::sum);
        case TICKET_CREATED -> ticketEvents.merge(source, 1, Integer::sum);
        case RECEIPT_REGISTERED -> receiptEvents.merge(source, 1, Integer::sum);
        default -> { }
      }
    } else if (topic.equals(Topics.OUTBOUND_MESSAGES.name())) {
      OutboundMessage reply = opened(Topics.OUTBOUND_MESSAGES.valueSerde().deserializer().deserialize(topic, record.value()));
      replyRecords.merge(reply.id(), 1, Integer::sum);
      repliesByKey.computeIfAbsent(record.key(), k -> new ArrayList<>())
          .add(new Reply(reply.id(), record.key(), reply.content() == null ? null : reply.content().fallbackText()));
    } else {
      DeliveryEvent event = Topics.DELIVERY_EVENTS.valueSerde().deserializer().deserialize(topic, record.value());
      if (event.outboundId() == null) {
        return;
      }
      if (event.status() == DeliveryStatus.SENT) {
        sentEvents.merge(event.outboundId(), 1, Integer::sum);
        firstSent.merge(event.outboundId(), event.at(), (a, b) -> a.isBefore(b) ? a : b);
      } else if (event.status() == DeliveryStatus.FAILED || event.status() == DeliveryStatus.DEAD_LETTERED) {
        givenUp.merge(event.outboundId(), 1, Integer::sum);
      }
    }
  }

  /** The reply ids the engine announced for inbound message {@code messageId}. */
  List<String> expectedReplyIds(String messageId) {
    int count = announcedReplies.getOrDefault(messageId, 0);
    List<String> ids = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      ids.add(OutboundMessage.replyId(messageId, n));
    }
    return ids;
  }

  boolean isHandled(String messageId) {
    return handled.containsKey(messageId);
  }

  private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey(), Duration.ofSeconds(30)) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (Topic<String, ?> topic : READ) {
      for (PartitionInfo info : consumer.partitionsFor(topic.name(), Duration.ofSeconds(30))) {
        partitions.add(new TopicPartition(info.topic(), info.partition()));
      }
    }
    return partitions;
  }

  private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return new KafkaConsumer<>(props);
  }

  /** The reply as sent: opened with the run's key set (replies rest sealed on the topic). */
  private OutboundMessage opened(OutboundMessage reply) {
    return opener.open(reply) instanceof Unsealed.Readable<OutboundMessage> readable ? readable.value() : reply;
  }
}
