package pe.xofi.chat.system.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/** The chaos run's tables: a summary row and a table of figures per scenario, as Markdown (and JSON). */
final class ChaosReport {

  /** What the log scan of the run found. */
  record LogScan(int files, List<String> leaks) {}

  private ChaosReport() {}

  static String markdown(String heading, List<ScenarioResult> results, Duration took, LogScan scan, String notes) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(heading).append("\n\n");
    md.append("Run on ").append(LocalDate.now()).append(", ").append(took.toMinutes()).append(" min ")
        .append(took.toSecondsPart()).append(" s in all (stack starts included). ").append(notes).append("\n\n");
    md.append("| # | scenario | load | faults | messages in (acked / posted) | replies out (topic / sandbox) | lost | duplicated transitions | duplicated topic replies | sandbox duplicates | duplicated tickets / receipts | order kept | recovery: first reply / drained |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (ScenarioResult r : results) {
      md.append("| ").append(r.number())
          .append(" | ").append(r.title())
          .append(" | ").append(r.load().offeredPerSecond()).append("/s × ").append(r.load().seconds()).append(" s, ")
          .append(r.load().members()).append(" members")
          .append(" | ").append(r.faults())
          .append(" | ").append(r.load().acknowledged()).append(" / ").append(r.load().messages())
          .append(" | ").append(r.counts().repliesOnTopic()).append(" / ").append(r.counts().repliesAtSandbox())
          .append(" | ").append(r.lost().total())
          .append(" | ").append(r.duplicated().transitions())
          .append(" | ").append(r.duplicated().topicReplies())
          .append(" | ").append(r.duplicated().sandboxReplies())
          .append(" | ").append(r.duplicated().tickets()).append(" / ").append(r.duplicated().receipts())
          .append(" | ").append(r.duplicated().orderViolations() == 0 ? "yes" : "no (" + r.duplicated().orderViolations() + ")")
          .append(" | ").append(recovery(r.recovery()))
          .append(" |\n");
    }
    for (ScenarioResult r : results) {
      md.append("\n## ").append(r.number()).append(". ").append(r.title()).append("\n\n");
      md.append("| figure | value |\n|---|---|\n");
      row(md, "load", r.load().offeredPerSecond() + " webhooks/s offered (" + r.load().measuredPerSecond() + "/s measured), "
          + r.load().seconds() + " s, " + r.load().members() + " members, " + r.load().messages() + " messages");
      row(md, "faults injected", r.faults());
      row(md, "posts (re-posts and copies included)", Long.toString(r.load().posts()));
      row(md, "ingress answers", answers(r.load().answers()));
      row(md, "acknowledged / never acknowledged", r.load().acknowledged() + " / " + r.load().givenUp());
      if (r.load().deliveredTwiceOrMore() > 0) {
        row(md, "messages delivered several times on purpose", Integer.toString(r.load().deliveredTwiceOrMore()));
      }
      row(md, "transitions (MESSAGE_HANDLED) / provider retries dropped", r.counts().handled() + " / " + r.counts().duplicatesDropped());
      row(md, "replies on outbound-messages / received by the sandbox", r.counts().repliesOnTopic() + " / " + r.counts().repliesAtSandbox());
      row(md, "tickets / receipts created", r.counts().tickets() + " / " + r.counts().receipts());
      row(md, "replies dead-lettered", Integer.toString(r.counts().deadLettered()));
      row(md, "lost: transitions / topic replies / sandbox / tickets / receipts",
          r.lost().transitions() + " / " + r.lost().topicReplies() + " / " + r.lost().sandboxReplies() + " / "
              + r.lost().tickets() + " / " + r.lost().receipts());
      row(md, "duplicated: transitions / topic replies / sandbox / tickets / receipts",
          r.duplicated().transitions() + " / " + r.duplicated().topicReplies() + " / " + r.duplicated().sandboxReplies() + " / "
              + r.duplicated().tickets() + " / " + r.duplicated().receipts());
      row(md, "members whose replies arrived out of order", Integer.toString(r.duplicated().orderViolations()));
      if (r.recovery().faultStartSecond() != null) {
        row(md, "fault from / to (s after load start)", r.recovery().faultStartSecond() + " / " + r.recovery().faultEndSecond());
        row(md, "restart until ready", r.recovery().restartSeconds() == null ? "—" : r.recovery().restartSeconds() + " s");
        row(md, "fault end → first reply to a message that met the fault", seconds(r.recovery().firstReplySeconds()));
        row(md, "fault end → backlog drained (last reply to a message posted before the fault ended)", seconds(r.recovery().drainedSeconds()));
      }
      if (!r.problems().isEmpty()) {
        row(md, "problems (first 20)", String.join("<br>", r.problems()));
      }
    }
    md.append("\n## Log scan\n\n");
    md.append(scan.leaks().isEmpty()
        ? "Every service log of the run (" + scan.files() + " files) was scanned for the demo DNIs, birth years (`año 1990`…), "
            + "the demo phones and every full phone number of the load: **no line found**.\n"
        : "**" + scan.leaks().size() + " log lines with personal data**:\n\n```\n"
            + scan.leaks().stream().limit(20).collect(Collectors.joining("\n")) + "\n```\n");
    return md.toString();
  }

  /** Writes {@code chaos-<date>.md} and {@code .json} under {@code dir}; returns the Markdown file. */
  static Path write(Path dir, String markdown, List<ScenarioResult> results, LogScan scan) {
    try {
      Files.createDirectories(dir);
      Path md = dir.resolve("chaos-" + LocalDate.now() + ".md");
      Files.writeString(md, markdown);
      Files.writeString(dir.resolve("chaos-" + LocalDate.now() + ".json"),
          JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
              .writeValueAsString(Map.of("scenarios", results, "logScan", scan)));
      return md;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String recovery(ScenarioResult.Recovery r) {
    if (r.faultStartSecond() == null) {
      return "—";
    }
    return seconds(r.firstReplySeconds()) + " / " + seconds(r.drainedSeconds());
  }

  private static String seconds(Double value) {
    return value == null ? "—" : value + " s";
  }

  private static String answers(Map<String, Long> answers) {
    return answers.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
  }

  private static void row(StringBuilder md, String figure, String value) {
    md.append("| ").append(figure).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
  }
}
