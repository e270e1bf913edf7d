package pe.xofi.chat.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.audit.AuditAction;
import pe.xofi.chat.schemas.audit.AuditEvent;
import pe.xofi.chat.schemas.audit.AuditOutcome;
import pe.xofi.chat.testsupport.KafkaTestBroker;
import picocli.CommandLine;

/** {@code ./xofi audit} against a real broker. */
class AuditCommandIT {

  /** Unique per run: the shared broker's audit-events may hold other tests' records. */
  private static final String ANA = KafkaTestBroker.unique("ana");
  private static final String LUIS = KafkaTestBroker.unique("luis");

  private static final AuditEvent OLD_VIEW = new AuditEvent("a-1", Instant.parse("2026-11-20T15:00:00Z"), ANA,
      List.of("operator"), AuditAction.TRANSCRIPT_VIEWED, "wa:51987654321", AuditOutcome.FOUND);
  private static final AuditEvent UNKNOWN_PHONE = new AuditEvent("a-2", Instant.parse("2026-11-24T15:00:00.250Z"), ANA,
      List.of("operator"), AuditAction.TRANSCRIPT_VIEWED, "wa:51900000000", AuditOutcome.NOT_FOUND);
  private static final AuditEvent REFUSED = new AuditEvent("a-3", Instant.parse("2026-11-24T16:00:00Z"), LUIS,
      List.of("agent"), AuditAction.TRANSCRIPT_VIEWED, "tg:734561289", AuditOutcome.DENIED);

  @BeforeAll
  static void records() throws Exception {
    KafkaTestBroker.createRegistryTopics(Topics.DEFAULT_PARTITIONS, Topics.ALL);
    try (KafkaProducer<String, AuditEvent> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers()),
        Topics.AUDIT_EVENTS.keySerde().serializer(), Topics.AUDIT_EVENTS.valueSerde().serializer())) {
      // sent in another order than they happened: the listing sorts by time
      for (AuditEvent event : List.of(REFUSED, OLD_VIEW, UNKNOWN_PHONE)) {
        producer.send(new ProducerRecord<>(Topics.AUDIT_EVENTS.name(), event.conversationKey(), event)).get();
      }
      producer.send(new ProducerRecord<>(Topics.AUDIT_EVENTS.name(), "wa:51900000001", null)).get();
    }
  }

  @Test
  void shouldListOneActorsViewsOldestFirstWithMaskedConversations() {
    // when
    Run run = run("audit", "--actor", ANA);

    // then
    assertThat(run.exitCode()).isZero();
    assertThat(run.lines()).isEqualTo(List.of(
        line("time", "actor", "roles", "action", "outcome", "conversation"),
        line("2026-11-20T15:00:00Z", ANA, "operator", "TRANSCRIPT_VIEWED", "FOUND", "wa:*******4321"),
        line("2026-11-24T15:00:00Z", ANA, "operator", "TRANSCRIPT_VIEWED", "NOT_FOUND", "wa:*******0000"),
        "2 record(s)"));
  }

  @Test
  void shouldKeepOnlyTheViewsSinceALimaTime() {
    // when: 10:30 in Lima is 15:30 UTC
    Run run = run("audit", "--since", "2026-11-24T10:30", "--unmask");

    // then
    assertThat(run.exitCode()).isZero();
    assertThat(run.lines()).contains(line("2026-11-24T16:00:00Z", LUIS, "agent", "TRANSCRIPT_VIEWED", "DENIED", "tg:734561289"))
        .noneMatch(line -> line.contains(ANA));
  }

  @Test
  void shouldPrintTheFullConversationKeyOnlyWhenAsked() {
    // when
    Run masked = run("audit", "--actor", LUIS);
    Run unmasked = run("audit", "--actor", LUIS, "--unmask");

    // then
    assertThat(masked.lines().get(1)).isEqualTo(line("2026-11-24T16:00:00Z", LUIS, "agent", "TRANSCRIPT_VIEWED", "DENIED", "tg:*****1289"));
    assertThat(masked.output()).doesNotContain("734561289");
    assertThat(unmasked.lines().get(1)).endsWith("tg:734561289");
  }

  @Test
  void shouldExplainItselfWithHelpAndExit0() {
    // when
    Run run = run("audit", "--help");

    // then
    assertThat(run.exitCode()).isZero();
    assertThat(run.output()).startsWith("Usage: xofi audit").contains("--since=WHEN").contains("--actor=NAME").contains("--unmask");
  }

  @Test
  void shouldRefuseASinceThatIsNoTime() {
    // when
    Run run = run("audit", "--since", "ayer");

    // then
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).startsWith("--since: 'ayer' is not a time");
  }

  private static String line(String... columns) {
    return String.format(AuditCommand.FORMAT, (Object[]) columns).stripTrailing();
  }

  private record Run(int exitCode, String output, String errors) {
    List<String> lines() {
      return output.lines().map(String::stripTrailing).toList();
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new XofiStack());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] withBroker = args.length > 1 && args[1].equals("--help")
        ? args
        : java.util.stream.Stream.concat(java.util.Arrays.stream(args),
            java.util.stream.Stream.of("--bootstrap-servers", KafkaTestBroker.bootstrapServers())).toArray(String[]::new);
    int code = cli.execute(withBroker);
    return new Run(code, out.toString(), err.toString());
  }
}
