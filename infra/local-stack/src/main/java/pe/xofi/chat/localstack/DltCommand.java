package pe.xofi.chat.localstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import pe.xofi.chat.schemas.DeadLetterHeaders;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.Topic;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./xofi dlt list|redrive}: shows the records on the dead-letter topics ({@code <topic>-dlt},
 * {@link Topics#DEAD_LETTERS}) that were not redriven yet, and copies them back to their source
 * topic (same key, value and headers but the failure headers, plus a redrive header), committing the
 * redrive group's offsets so that nothing is redriven twice. A record that several consumer groups
 * dead-lettered (same source topic, partition and offset) is copied back once per run.
 */
@Command(name = "dlt", description = "Lists or redrives the records on the dead-letter topics (<topic>-dlt).",
    subcommands = {DltCommand.ListCommand.class, DltCommand.Redrive.class})
final class DltCommand {

  /** The consumer group whose committed offsets mark what was redriven. */
  static final String REDRIVE_GROUP = "xofi-dlt-redrive";

  /** Longest error text a listing line shows. */
  static final int MAX_ERROR = 160;

  private static final Duration POLL = Duration.ofMillis(500);

  abstract static class DltOptions {
    @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}")
    String bootstrapServers;

    @Option(names = "--all", description = "also the records redriven before")
    boolean all;

    @Option(names = "--topic", description = "only this dead-letter topic (repeatable; default: every one: ${COMPLETION-CANDIDATES})",
        completionCandidates = DeadLetterTopicNames.class)
    List<String> topics;

    /** The chosen dead-letter topics with their source topics, in registry order. */
    Map<String, String> chosen() {
      Map<String, String> sources = new LinkedHashMap<>();
      Topics.DEAD_LETTERS.forEach((source, dlt) -> {
        if (topics == null || topics.isEmpty() || topics.contains(dlt.name())) {
          sources.put(dlt.name(), source.name());
        }
      });
      if (topics != null && !sources.keySet().containsAll(topics)) {
        throw new ParameterException(new CommandLine(this),
            "unknown dead-letter topic; one of " + String.join(", ", new DeadLetterTopicNames()));
      }
      return sources;
    }

    /** The DLT records after the redrive group's offsets (or all), up to the end offsets as of now. */
    List<ConsumerRecord<byte[], byte[]>> pending(KafkaConsumer<byte[], byte[]> consumer, Collection<String> dlts) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : dlts) {
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
      for (TopicPartition tp : partitions) {
        OffsetAndMetadata done = committed.get(tp);
        if (all || done == null) {
          consumer.seekToBeginning(List.of(tp));
        } else {
          consumer.seek(tp, done.offset());
        }
      }
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
            records.add(record);
          }
        }
      }
      records.sort(Comparator.comparing((ConsumerRecord<byte[], byte[]> r) -> List.copyOf(dlts).indexOf(r.topic()))
          .thenComparingInt(ConsumerRecord::partition).thenComparingLong(ConsumerRecord::offset));
      return records;
    }

    KafkaConsumer<byte[], byte[]> consumer() {
      return new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
          ConsumerConfig.GROUP_ID_CONFIG, REDRIVE_GROUP,
          ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
          ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
          new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
  }

  /** The registry's dead-letter topic names, for {@code --topic}. */
  static final class DeadLetterTopicNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Topics.DEAD_LETTERS.values().stream().map(Topic::name).iterator();
    }
  }

  @Command(name = "list", description = "Prints the dead letters not redriven yet (--all: every one).")
  static final class ListCommand extends DltOptions implements Callable<Integer> {
    @Option(names = "--text", description = "also what the member wrote or the bot replied, opened with "
        + "XOFI_DATA_KEYSET and the member-keys database (XOFI_DB_URL): for an authorised operator; "
        + "a DNI and the birth year beside it stay masked")
    boolean text;

    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
      DeadLetterText texts = text ? new DeadLetterText(OperatorSealer.fromEnvironment(environment)) : null;
      try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
        List<ConsumerRecord<byte[], byte[]>> records = pending(consumer, chosen().keySet());
        String format = "%-24s %-10s %-44s %-16s %-24s %-28s %-6s %-8s %-24s %s%n";
        System.out.printf(format, "topic", "record", "id", "key", "group", "exception", "status", "attempts",
            "dead-lettered at", "error");
        for (ConsumerRecord<byte[], byte[]> record : records) {
          System.out.printf(format, record.topic(), record.partition() + "@" + record.offset(), recordId(record.value()),
              masked(record.key()), header(record, DeadLetterHeaders.CONSUMER_GROUP),
              simpleName(header(record, DeadLetterHeaders.EXCEPTION)), header(record, DeadLetterHeaders.STATUS_CODE),
              header(record, DeadLetterHeaders.ATTEMPTS), firstOf(header(record, DeadLetterHeaders.DEAD_LETTERED_AT),
                  header(record, DeadLetterHeaders.LAST_ATTEMPT_AT)), oneLine(header(record, DeadLetterHeaders.ERROR)));
          if (texts != null) {
            System.out.println("    text: " + texts.of(record.topic(), record.value()));
          }
        }
        System.out.println(records.size() + " record(s)");
      }
      return 0;
    }
  }

  @Command(name = "redrive", description = "Copies the dead letters not redriven yet back to their source topics.")
  static final class Redrive extends DltOptions implements Callable<Integer> {
    @Override
    public Integer call() {
      Map<String, Object> settings = Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
          ProducerConfig.ACKS_CONFIG, "all",
          ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      Map<String, String> sources = chosen();
      try (KafkaConsumer<byte[], byte[]> consumer = consumer();
          KafkaProducer<byte[], byte[]> producer =
              new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer())) {
        List<ConsumerRecord<byte[], byte[]>> records = pending(consumer, sources.keySet());
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        Map<String, Integer> copied = new LinkedHashMap<>();
        sources.keySet().forEach(dlt -> copied.put(dlt, 0));
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
          done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
          String origin = header(record, DeadLetterHeaders.SOURCE_TOPIC) + "-"
              + header(record, DeadLetterHeaders.SOURCE_PARTITION) + "@" + header(record, DeadLetterHeaders.SOURCE_OFFSET);
          // one poison record given up by two groups is one record to send back
          if (record.headers().lastHeader(DeadLetterHeaders.SOURCE_OFFSET) != null && !seen.add(origin)) {
            continue;
          }
          ProducerRecord<byte[], byte[]> copy =
              new ProducerRecord<>(sources.get(record.topic()), record.key(), record.value());
          for (Header header : record.headers()) {
            // the failure headers belong to the dead letter, not to the record processed again
            if (!header.key().startsWith("kafka_dlt-") && !header.key().startsWith(DeadLetterHeaders.FAILURE_PREFIX)) {
              copy.headers().add(header);
            }
          }
          copy.headers().add(DeadLetterHeaders.REDRIVEN_FROM,
              (record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8));
          producer.send(copy);
          copied.merge(record.topic(), 1, Integer::sum);
        }
        // offsets are committed only once every copy is acknowledged: a crash redrives again rather
        // than losing a record, and every consumer is idempotent (recent ids, the outbound ledger)
        producer.flush();
        if (!done.isEmpty()) {
          consumer.commitSync(done);
        }
        copied.forEach((dlt, count) -> System.out.println(
            "redrove " + count + " record(s) from " + dlt + " to " + sources.get(dlt)));
      }
      return 0;
    }
  }

  /** The record's own id: a reply id, an inbound message id, a receipt number or a provider message id. */
  static String recordId(byte[] value) {
    try {
      JsonNode json = Json.MAPPER.readTree(value);
      for (String field : List.of("id", "messageId", "receiptId", "providerMessageId")) {
        if (json.path(field).isString()) {
          return json.path(field).asString();
        }
      }
      return "(no id)";
    } catch (RuntimeException e) {
      return "(unreadable)";
    }
  }

  static String masked(byte[] key) {
    if (key == null) {
      return "(no key)";
    }
    try {
      return ConversationKey.parse(new String(key, StandardCharsets.UTF_8)).masked();
    } catch (IllegalArgumentException e) {
      return "(invalid key)";
    }
  }

  private static String simpleName(String className) {
    return className == null ? "-" : className.substring(className.lastIndexOf('.') + 1);
  }

  private static String firstOf(String first, String second) {
    return first != null ? first : second == null ? "-" : second;
  }

  private static String oneLine(String text) {
    if (text == null) {
      return "-";
    }
    String line = text.replaceAll("\\s+", " ");
    return line.length() <= MAX_ERROR ? line : line.substring(0, MAX_ERROR - 1) + "…";
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
