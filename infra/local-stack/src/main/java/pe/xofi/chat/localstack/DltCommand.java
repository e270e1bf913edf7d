package pe.xofi.chat.localstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import pe.xofi.chat.schemas.DeadLetterHeaders;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./xofi dlt list|redrive}: shows the replies on {@code outbound-messages-dlt} that were not
 * redriven yet, and copies them back to {@code outbound-messages} (same key and value, a redrive
 * header), committing the redrive group's offsets so that nothing is redriven twice.
 */
@Command(name = "dlt", description = "Lists or redrives the replies on outbound-messages-dlt.",
    subcommands = {DltCommand.ListCommand.class, DltCommand.Redrive.class})
final class DltCommand {

  /** The consumer group whose committed offsets mark what was redriven. */
  static final String REDRIVE_GROUP = "xofi-dlt-redrive";

  private static final Duration POLL = Duration.ofMillis(500);

  abstract static class DltOptions {
    @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}")
    String bootstrapServers;

    @Option(names = "--all", description = "also the records redriven before")
    boolean all;

    /** The DLT records after the redrive group's offsets (or all), up to the end offsets as of now. */
    List<ConsumerRecord<String, byte[]>> pending(KafkaConsumer<String, byte[]> consumer) {
      String topic = Topics.OUTBOUND_MESSAGES_DLT.name();
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
      for (TopicPartition tp : partitions) {
        OffsetAndMetadata done = committed.get(tp);
        if (all || done == null) {
          consumer.seekToBeginning(List.of(tp));
        } else {
          consumer.seek(tp, done.offset());
        }
      }
      List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
            records.add(record);
          }
        }
      }
      return records;
    }

    KafkaConsumer<String, byte[]> consumer() {
      return new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
          ConsumerConfig.GROUP_ID_CONFIG, REDRIVE_GROUP,
          ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
          ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
          new StringDeserializer(), new ByteArrayDeserializer());
    }
  }

  @Command(name = "list", description = "Prints the dead-lettered replies not redriven yet (--all: every one).")
  static final class ListCommand extends DltOptions implements Callable<Integer> {
    @Override
    public Integer call() {
      try (KafkaConsumer<String, byte[]> consumer = consumer()) {
        List<ConsumerRecord<String, byte[]>> records = pending(consumer);
        System.out.printf("%-10s %-52s %-16s %-6s %-8s %-24s %-24s %s%n",
            "record", "reply id", "key", "status", "attempts", "first attempt", "last attempt", "error");
        for (ConsumerRecord<String, byte[]> record : records) {
          System.out.printf("%-10s %-52s %-16s %-6s %-8s %-24s %-24s %s%n",
              record.partition() + "@" + record.offset(), replyId(record.value()), masked(record.key()),
              header(record, DeadLetterHeaders.STATUS_CODE), header(record, DeadLetterHeaders.ATTEMPTS),
              header(record, DeadLetterHeaders.FIRST_ATTEMPT_AT), header(record, DeadLetterHeaders.LAST_ATTEMPT_AT),
              header(record, DeadLetterHeaders.ERROR));
        }
        System.out.println(records.size() + " record(s)");
      }
      return 0;
    }
  }

  @Command(name = "redrive", description = "Copies the dead-lettered replies not redriven yet back to outbound-messages.")
  static final class Redrive extends DltOptions implements Callable<Integer> {
    @Override
    public Integer call() {
      Map<String, Object> settings = Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
          ProducerConfig.ACKS_CONFIG, "all",
          ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      try (KafkaConsumer<String, byte[]> consumer = consumer();
          KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer())) {
        List<ConsumerRecord<String, byte[]>> records = pending(consumer);
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
          ProducerRecord<String, byte[]> copy =
              new ProducerRecord<>(Topics.OUTBOUND_MESSAGES.name(), record.key(), record.value());
          for (Header header : record.headers()) {
            // the failure headers belong to the dead letter, not to the reply sent again
            if (!header.key().startsWith("kafka_dlt-") && !header.key().startsWith("xofi-dlt-")) {
              copy.headers().add(header);
            }
          }
          copy.headers().add(DeadLetterHeaders.REDRIVEN_FROM,
              (record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8));
          producer.send(copy);
          done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        // offsets are committed only once every copy is acknowledged: a crash redrives again rather
        // than losing a reply, and the outbound ledger keeps a reply already sent from going out twice
        producer.flush();
        if (!done.isEmpty()) {
          consumer.commitSync(done);
        }
        System.out.println("redrove " + records.size() + " record(s) to " + Topics.OUTBOUND_MESSAGES.name());
      }
      return 0;
    }
  }

  static String replyId(byte[] value) {
    try {
      return Json.MAPPER.readTree(value).path("id").asString("(no id)");
    } catch (RuntimeException e) {
      return "(unreadable)";
    }
  }

  static String masked(String key) {
    try {
      return key == null ? "(no key)" : ConversationKey.parse(key).masked();
    } catch (IllegalArgumentException e) {
      return "(invalid key)";
    }
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? "-" : new String(header.value(), StandardCharsets.UTF_8);
  }
}
