package pe.xofi.chat.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a bench's files: {@code <date>.md} (the table), {@code <date>.json} (every number) and
 * the two PNG charts, {@code -quick} in the names of a quick run.
 */
public final class ResultFiles {

  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ResultFiles() {}

  /** Writes the files into {@code dir} and returns the Markdown path. */
  public static Path write(BenchReport report, Path dir) throws IOException {
    Files.createDirectories(dir);
    String base = report.startedAt().format(DateTimeFormatter.ISO_LOCAL_DATE) + (report.quick() ? "-quick" : "");
    Path md = dir.resolve(base + ".md");
    Path over = dir.resolve(base + "-latency-over-time.png");
    Path dist = dir.resolve(base + "-latency-distribution.png");
    System.setProperty("java.awt.headless", "true");
    Charts.latencyOverTime(report.series(), over);
    Charts.distribution(report.series(), dist);
    Files.writeString(md, markdown(report, over.getFileName().toString(), dist.getFileName().toString()));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("startedAt", report.startedAt().toString());
    json.put("quick", report.quick());
    json.put("durationSeconds", report.duration().toMillis() / 1000.0);
    json.put("figures", report.figures());
    json.put("raw", report.raw());
    json.put("histograms", histograms(report.series()));
    Files.writeString(dir.resolve(base + ".json"), JSON.writeValueAsString(json));
    return md;
  }

  static String markdown(BenchReport report, String overTime, String distribution) {
    return "# `./xofi bench" + (report.quick() ? " --quick" : "") + "` of " + report.startedAt().withNano(0) + "\n\n"
        + MarkdownTable.of(report.figures())
        + "\nWall time " + report.duration().toSeconds() + " s (stack start included), " + Runtime.getRuntime().availableProcessors()
        + " processors, load average (1, 5, 15 min) " + report.raw().getOrDefault("loadAverageAtStart", "?") + " at the start and "
        + report.raw().getOrDefault("loadAverageAtEnd", "?") + " at the end. Raw numbers: the `.json` beside this file.\n\n"
        + "Where the time went (s, waits and restarts included): " + phases(report.phases()) + ".\n\n"
        + "![latency over time](" + overTime + ")\n\n![latency distribution](" + distribution + ")\n";
  }

  private static String phases(Map<String, Double> phases) {
    StringBuilder out = new StringBuilder();
    phases.forEach((name, seconds) -> out.append(out.isEmpty() ? "" : ", ").append(name).append(' ').append(String.format("%.1f", seconds)));
    return out.toString();
  }

  private static Map<String, Object> histograms(List<LatencySeries> series) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (LatencySeries s : series) {
      Map<String, Object> percentiles = new LinkedHashMap<>();
      for (double p : new double[] {50, 90, 99, 99.9, 99.99, 100}) {
        percentiles.put("p" + p, s.all().getValueAtPercentile(p) / 1000.0);
      }
      out.put(s.label(), Map.of("count", s.all().getTotalCount(), "millis", percentiles, "perSecondP99Millis",
          s.perSecond().stream().map(h -> h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(99) / 1000.0).toList()));
    }
    return out;
  }

}
