package pe.xofi.chat.bench;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;
import pe.xofi.chat.bench.report.BenchReport;
import pe.xofi.chat.bench.report.MarkdownTable;
import pe.xofi.chat.bench.report.ResultFiles;
import pe.xofi.chat.bench.run.BenchPlan;
import pe.xofi.chat.bench.run.BenchRun;
import pe.xofi.chat.bench.stack.BenchStack;
import pe.xofi.chat.bench.stack.KafkaProbe;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./xofi bench}: the pipeline's benchmarks, with their anchors, in one run. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures ingress capacity (beside Kafka's ProducerPerformance), ingress latency, end-to-end latency (at the",
      "issue's rate and on a ladder below saturation), conversation throughput, outbound conformance and peak RSS;",
      "writes bench/results/<date>.md, .json and charts."
    })
public final class BenchCommand implements Callable<Integer> {

  @Option(names = "--quick", description = "scaled-down figures: about a minute and a half of measuring, plus the stack start and restarts")
  boolean quick;

  @Option(names = "--ingress-url", description = "use a running stack: the ingress root, e.g. http://localhost:8080")
  String ingressUrl;

  @Option(names = "--bootstrap", description = "use a running stack: its Kafka bootstrap servers")
  String bootstrap;

  @Option(names = "--webhook-secret", description = "use a running stack: its WHAPI secret (default: WHATSAPP_WEBHOOK_SECRET, else .run/secrets.env)")
  String webhookSecret;

  @Option(names = "--sandbox-url", defaultValue = "http://localhost:8090", description = "use a running stack: its WHAPI sandbox (default ${DEFAULT-VALUE})")
  String sandboxUrl;

  @Option(names = "--phones", defaultValue = "5000", description = "distinct members writing (default ${DEFAULT-VALUE})")
  int phones;

  @Option(names = "--env", description = "KEY=VALUE added to every service of the bench's own stack (repeatable), to measure a setting")
  java.util.Map<String, String> environment = new java.util.LinkedHashMap<>();

  @Option(names = "--project-dir", defaultValue = ".", description = "the repository root")
  Path projectDir;

  @Option(names = "--results", description = "where the result files go (default <project>/bench/results)")
  Path resultsDir;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if ((ingressUrl == null) != (bootstrap == null)) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--ingress-url and --bootstrap go together");
    }
    Path root = projectDir.toAbsolutePath().normalize();
    BenchPlan plan = quick ? BenchPlan.quick(phones) : BenchPlan.full(phones);
    LocalDateTime startedAt = LocalDateTime.now();
    long t0 = System.nanoTime();
    BenchReport report;
    try (BenchStack stack = ingressUrl == null
            ? BenchStack.start(root, environment, line -> log("[stack] " + line))
            : BenchStack.attach(root, ingressUrl, BenchStack.webhookSecretOf(root, webhookSecret, System.getenv()), bootstrap, sandboxUrl);
        KafkaProbe kafka = new KafkaProbe(stack.bootstrap())) {
      report = new BenchRun(stack, plan, kafka, environment, BenchCommand::log).run(startedAt, t0);
    }
    Path md = ResultFiles.write(report, resultsDir == null ? root.resolve("bench/results") : resultsDir);
    System.out.println();
    System.out.println(MarkdownTable.of(report.figures()));
    log("wrote " + md + " (and .json, charts); " + report.duration().toSeconds() + " s of stack start and measurements, "
        + (System.nanoTime() - t0) / 1_000_000_000 + " s with stopping the stack and writing the files");
    return 0;
  }

  private static void log(String line) {
    System.out.println(LocalDateTime.now().toLocalTime().withNano(0) + " " + line);
  }
}
