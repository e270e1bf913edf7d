package pe.xofi.chat.localstack;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.audit.AuditEvent;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./xofi audit}: lists the staff views of members' transcripts recorded on {@code
 * audit-events} (time, actor, roles, action, outcome, conversation), oldest first, with the
 * conversation key masked as the logs mask it unless {@code --unmask}. Reads with no consumer group,
 * so listing changes nothing.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Lists who viewed which member's transcript, when, and with what outcome (audit-events).")
final class AuditCommand implements Callable<Integer> {

  /** One line of the listing: time, actor, roles, action, outcome, conversation. */
  static final String FORMAT = "%-24s %-20s %-16s %-18s %-9s %s%n";

  /** Where a date or time without zone is read: the cooperative's. */
  static final ZoneId LIMA = ZoneId.of("America/Lima");

  private static final Duration POLL = Duration.ofMillis(500);

  @Spec CommandSpec spec;

  @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}")
  String bootstrapServers;

  @Option(names = "--since", paramLabel = "WHEN",
      description = "only records from then on: 2026-11-24T10:00:00Z, 2026-11-24T10:00 or 2026-11-24 (Lima time), "
          + "or a span back from now: PT2H, P7D")
  String since;

  @Option(names = "--actor", paramLabel = "NAME", description = "only the views of this staff member")
  String actor;

  @Option(names = "--unmask", description = "print conversation keys in full (the default masks all but the last 4 digits)")
  boolean unmask;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    Instant from = since == null ? null : parseSince(since, clock.instant());
    PrintWriter out = spec.commandLine().getOut();
    List<AuditEvent> events = new ArrayList<>();
    int unreadable = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      for (ConsumerRecord<byte[], byte[]> record : read(consumer, from)) {
        try {
          events.add(Topics.AUDIT_EVENTS.valueSerde().deserializer().deserialize(record.topic(), record.value()));
        } catch (RuntimeException e) {
          unreadable++;
        }
      }
    }
    List<AuditEvent> chosen = events.stream()
        .filter(e -> e != null && (from == null || !e.occurredAt().isBefore(from)))
        .filter(e -> actor == null || actor.equals(e.actor()))
        .sorted(Comparator.comparing(AuditEvent::occurredAt))
        .toList();
    out.printf(FORMAT, "time", "actor", "roles", "action", "outcome", "conversation");
    for (AuditEvent event : chosen) {
      out.printf(FORMAT, event.occurredAt().truncatedTo(ChronoUnit.SECONDS), event.actor(),
          event.actorRoles().isEmpty() ? "-" : String.join("+", event.actorRoles()), event.action(), event.outcome(),
          conversation(event.conversationKey()));
    }
    out.println(chosen.size() + " record(s)" + (unreadable > 0 ? ", " + unreadable + " unreadable" : ""));
    out.flush();
    return 0;
  }

  private String conversation(String key) {
    if (unmask) {
      return key;
    }
    try {
      return ConversationKey.parse(key).masked();
    } catch (IllegalArgumentException e) {
      return "(invalid key)";
    }
  }

  /** The records of every partition from {@code from} (or the start) up to the end offsets as of now. */
  private static List<ConsumerRecord<byte[], byte[]>> read(KafkaConsumer<byte[], byte[]> consumer, Instant from) {
    List<TopicPartition> partitions = consumer.partitionsFor(Topics.AUDIT_EVENTS.name()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    if (from == null) {
      consumer.seekToBeginning(partitions);
    } else {
      Map<TopicPartition, Long> times = new HashMap<>();
      partitions.forEach(tp -> times.put(tp, from.toEpochMilli()));
      Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
      // a record's timestamp is when it was sent, a little after its occurredAt: start earlier, filter later
      for (TopicPartition tp : partitions) {
        OffsetAndTimestamp at = offsets.get(tp);
        consumer.seek(tp, at == null ? end.get(tp) : at.offset());
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
    return records;
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** An instant, a Lima date-time or date, or a span back from {@code now}. */
  Instant parseSince(String text, Instant now) {
    try {
      if (text.startsWith("P")) {
        return text.contains("T") ? now.minus(Duration.parse(text)) : now.atZone(LIMA).minus(Period.parse(text)).toInstant();
      }
      if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return java.time.OffsetDateTime.parse(text).toInstant();
      }
      if (text.contains("T")) {
        return LocalDateTime.parse(text).atZone(LIMA).toInstant();
      }
      return LocalDate.parse(text).atStartOfDay(LIMA).toInstant();
    } catch (DateTimeParseException e) {
      throw new ParameterException(spec.commandLine(),
          "--since: '" + text + "' is not a time (2026-11-24T10:00:00Z, 2026-11-24T10:00, 2026-11-24) or a span (PT2H, P7D)");
    }
  }
}
