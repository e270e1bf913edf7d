package pe.xofi.chat.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pe.xofi.chat.localstack.ManagedProcess;
import pe.xofi.chat.schemas.Topics;

/**
 * Kafka's own producer benchmark ({@code org.apache.kafka.tools.ProducerPerformance}) as a
 * subprocess from the local stack's classpath, with {@code acks=all} and idempotence like the
 * ingress, writing to {@link Topics#PRODUCER_BENCHMARK}: the ceiling of what any producer on this
 * machine gets from this broker.
 */
public final class ProducerPerformanceRun {

  /** The summary line: {@code N records sent, R records/sec (M MB/sec), A ms avg latency, X ms max latency, ...}. */
  private static final Pattern SUMMARY =
      Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency");

  /** The figures of one run. */
  public record Result(long records, int recordSize, double recordsPerSecond, double mbPerSecond, double avgLatencyMs, double maxLatencyMs, String summary) {}

  private ProducerPerformanceRun() {}

  /** Runs {@code records} records of {@code recordSize} bytes against {@code bootstrap} (topic must exist). */
  public static Result run(Path libDir, Path projectDir, Path logDir, String bootstrap, long records, int recordSize) {
    Path log = logDir.resolve("producer-performance.log");
    List<String> command =
        List.of(
            ManagedProcess.java(), "-Xmx512m", "-cp", libDir.resolve("*").toString(),
            "org.apache.kafka.tools.ProducerPerformance",
            "--topic", Topics.PRODUCER_BENCHMARK.name(),
            "--num-records", Long.toString(records),
            "--record-size", Integer.toString(recordSize),
            "--throughput", "-1",
            "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true");
    ManagedProcess process = ManagedProcess.start("producer-performance", command, Map.of(), projectDir, log);
    process.awaitSuccess(Duration.ofMinutes(5));
    try {
      return parse(Files.readAllLines(log), records, recordSize);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + log, e);
    }
  }

  /** The figures of the last summary line of ProducerPerformance's output. */
  static Result parse(List<String> lines, long records, int recordSize) {
    for (String line : lines.reversed()) {
      Matcher m = SUMMARY.matcher(line);
      if (m.find()) {
        return new Result(
            Long.parseLong(m.group(1)), recordSize, Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
            Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), line.trim());
      }
    }
    throw new IllegalStateException("no summary line in ProducerPerformance's output");
  }
}
