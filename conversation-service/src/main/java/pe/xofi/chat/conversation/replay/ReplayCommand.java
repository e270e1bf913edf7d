package pe.xofi.chat.conversation.replay;

import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import pe.xofi.chat.conversation.replay.ConversationLog.Logged;
import pe.xofi.chat.conversation.replay.ConversationLog.Slice;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code replay}: one conversation's messages from {@code inbound-messages} through the current
 * engine without side effects, printed as a transcript; with {@code --compare}, every reply lined up
 * against the one produced live. Exit 0 when done (and no difference), 1 when compared replies
 * differ, 2 when the replay cannot run.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = "Replays one conversation from inbound-messages through the engine, creating nothing.")
public final class ReplayCommand implements Callable<Integer> {

  /** Times without an offset are read in the cooperative's time zone. */
  static final ZoneId LIMA = ZoneId.of("America/Lima");

  @Option(names = "--phone", required = true, description = "the member's id on the channel: phone digits (wa) or chat id (tg)")
  String phone;

  @Option(names = "--channel", defaultValue = "wa", description = "wa (WhatsApp, default) or tg (Telegram)")
  String channel;

  @Option(names = "--from", converter = InstantConverter.class,
      description = "first record time, e.g. 2026-11-24T10:00 (Lima) or 2026-11-24T15:00Z; default: the beginning of the retained log")
  Instant from;

  @Option(names = "--to", converter = InstantConverter.class, description = "records before this time; default: the end of the log")
  Instant to;

  @Option(names = "--compare", description = "line the replies up against outbound-messages and mark every difference")
  boolean compare;

  @Option(names = "--json", description = "print the report as JSON")
  boolean json;

  @Option(names = "--replace-in-replies", paramLabel = "OLD=>NEW",
      description = "what-if: replace OLD by NEW in every replayed reply (to see which replies a text change touches)")
  String replacement;

  @Option(names = "--bootstrap-servers", description = "Kafka brokers; default: the service's spring.kafka.bootstrap-servers")
  String bootstrapServers;

  private final Function<UnaryOperator<String>, Replayer> replayers;
  private final String defaultBootstrapServers;
  private final PrintWriter out;
  private final PrintWriter err;

  /**
   * @param replayers a replayer over the side-effect-free ports for a reply-text rewrite
   */
  public ReplayCommand(
      Function<UnaryOperator<String>, Replayer> replayers, String defaultBootstrapServers, PrintWriter out, PrintWriter err) {
    this.replayers = replayers;
    this.defaultBootstrapServers = defaultBootstrapServers;
    this.out = out;
    this.err = err;
  }

  /** Parses {@code args}, runs the replay and returns the exit code. */
  public int execute(String... args) {
    CommandLine cli = new CommandLine(this);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof ReplayException || e instanceof IllegalArgumentException) {
            err.println("xofi replay: " + e.getMessage());
            err.flush();
            return 2;
          }
          throw e;
        });
    return cli.execute(args);
  }

  @Override
  public Integer call() {
    ConversationKey key = key();
    if (from != null && to != null && !from.isBefore(to)) {
      throw new ReplayException("--from must be before --to");
    }
    String servers = bootstrapServers == null ? defaultBootstrapServers : bootstrapServers;
    ReplayReport report;
    try (ConversationLog log = new ConversationLog(servers)) {
      Slice<InboundEnvelope> slice = log.inbound(key, from, to);
      if (slice.records().isEmpty() && slice.unreadable() == 0) {
        throw new ReplayException(emptyReason(log, key));
      }
      List<OutboundMessage> actual = compare ? log.replies(key, from) : null;
      List<LoggedInbound> logged =
          slice.records().stream().map(r -> new LoggedInbound(r.offset(), r.timestamp(), r.value())).toList();
      ReplayScope scope = new ReplayScope(key.toString(), Topics.INBOUND_MESSAGES.name(), slice.partition(), from, to);
      report = replayers.apply(rewrite()).replay(scope, logged, slice.unreadable(), actual);
    }
    out.print(json ? Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n" : TranscriptText.of(report));
    out.flush();
    return compare && report.differences() > 0 ? 1 : 0;
  }

  private ConversationKey key() {
    try {
      return new ConversationKey(Channel.ofPrefix(channel), phone.replaceAll("[\\s+]", ""));
    } catch (RuntimeException e) {
      throw new ReplayException("--phone takes the digits of a phone (e.g. 51987654321) or a Telegram chat id, --channel wa or tg");
    }
  }

  private String emptyReason(ConversationLog log, ConversationKey key) {
    if (from == null && to == null) {
      return "unknown phone: no conversation " + key.masked() + " in " + Topics.INBOUND_MESSAGES.name() + " (retained log)";
    }
    List<Logged<InboundEnvelope>> all = log.inbound(key, null, null).records();
    if (all.isEmpty()) {
      return "unknown phone: no conversation " + key.masked() + " in " + Topics.INBOUND_MESSAGES.name() + " (retained log)";
    }
    return "empty range: no message of " + key.masked() + " between " + (from == null ? "the beginning" : from)
        + " and " + (to == null ? "the end" : to) + "; the retained log has " + all.size() + " from "
        + Instant.ofEpochMilli(all.getFirst().timestamp()) + " to " + Instant.ofEpochMilli(all.getLast().timestamp());
  }

  private UnaryOperator<String> rewrite() {
    if (replacement == null) {
      return UnaryOperator.identity();
    }
    int arrow = replacement.indexOf("=>");
    if (arrow <= 0) {
      throw new ReplayException("--replace-in-replies takes OLD=>NEW");
    }
    String old = replacement.substring(0, arrow);
    String replaced = replacement.substring(arrow + 2);
    return text -> text.replace(old, replaced);
  }

  /** Reads an instant with an offset, or a local date-time in Lima. */
  static final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeException withoutOffset) {
        try {
          return LocalDateTime.parse(value).atZone(LIMA).toInstant();
        } catch (DateTimeException e) {
          throw new CommandLine.TypeConversionException("not a time: " + value + " (use 2026-11-24T10:00 or 2026-11-24T15:00Z)");
        }
      }
    }
  }
}
