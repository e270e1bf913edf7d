package pe.xofi.chat.bench.run;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import pe.xofi.chat.bench.load.ArrivalSchedule;
import pe.xofi.chat.bench.load.ConversationScript;
import pe.xofi.chat.bench.load.LoadResult;
import pe.xofi.chat.bench.load.OpenLoopLoad;
import pe.xofi.chat.bench.load.PhoneBook;
import pe.xofi.chat.bench.report.BenchReport;
import pe.xofi.chat.bench.report.Figure;
import pe.xofi.chat.bench.report.LatencySeries;
import pe.xofi.chat.bench.report.Verdict;
import pe.xofi.chat.bench.stack.BenchStack;
import pe.xofi.chat.bench.stack.KafkaProbe;
import pe.xofi.chat.bench.stack.ProducerPerformanceRun;
import pe.xofi.chat.bench.stack.SandboxClient;
import pe.xofi.chat.bench.stack.ServiceMemory;
import pe.xofi.chat.localstack.ServiceModule;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * The measurements of a bench, in one run, in an order where each leaves the next a clean
 * pipeline and no service starts more often than it must: (5) the outbound service's pace against
 * the sandbox's limit on the stack as it started; (1) ingress capacity beside Kafka's
 * ProducerPerformance and (2) ingress latency with the conversation and outbound services
 * stopped; their records become (4) the conversation service's backlog; then (3) end to end at
 * the rate with (6) the services' peak RSS, and (3b) end to end at rates below saturation.
 */
public final class BenchRun {

  static final String CONVERSATION_GROUP = "conversation-service";
  static final String TRANSCRIPTS_GROUP = "conversation-transcripts";
  static final String OUTBOUND_GROUP = "outbound-service";
  static final double CAPACITY_P99_MS = 50;
  static final int MAX_WARMUP_ROUNDS = 4;
  static final String META_ANCHOR = "Meta: median ≤ 250 ms, < 1 % over 1 s";
  private static final Duration DRAIN_POLL = Duration.ofMillis(250);

  /** Outbound limits far above the end-to-end rate, so the run measures the pipeline, not the buckets. */
  static final Map<String, String> RAISED_OUTBOUND_LIMITS =
      Map.of(
          "SPRING_APPLICATION_JSON",
          "{\"xofi\":{\"outbound\":{\"limits\":{\"providers\":{\"whapi\":{\"account-rate\":1000000,\"account-burst\":1000000,"
              + "\"recipient-burst\":1000000,\"recipient-refill\":\"1ms\"}}}}}}");

  private final BenchStack stack;
  private final BenchPlan plan;
  private final Consumer<String> log;
  private final KafkaProbe kafka;
  private final SandboxClient sandbox;
  private final ConversationScript script;
  private final OpenLoopLoad load;
  private final List<Figure> figures = new ArrayList<>();
  private final List<LatencySeries> series = new ArrayList<>();
  private final Map<String, Object> raw = new LinkedHashMap<>();
  private final Map<String, Double> phases = new LinkedHashMap<>();
  private long nextIndex;
  private double bestCapacity;

  private final Map<String, String> environment;

  public BenchRun(BenchStack stack, BenchPlan plan, KafkaProbe kafka, Map<String, String> environment, Consumer<String> log) {
    this.environment = Map.copyOf(environment);
    this.stack = stack;
    this.plan = plan;
    this.log = log;
    this.kafka = kafka;
    this.sandbox = new SandboxClient(stack.sandboxUrl());
    this.script = new ConversationScript(new PhoneBook(plan.phones()), "bench" + Long.toString(System.currentTimeMillis(), 36));
    this.load = new OpenLoopLoad(URI.create(stack.webhookUrl()), stack.webhookSecret());
  }

  public BenchReport run(LocalDateTime startedAt, long startNanos) {
    boolean own = stack.own().isPresent();
    raw.put("plan", plan);
    raw.put("environment", environment);
    raw.put("runId", script.runId());
    raw.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    raw.put("loadAverageAtStart", loadAverage());
    phases.put(own ? "stack start" : "attach", seconds(System.nanoTime() - startNanos));
    if (own) {
      // the outbound service the stack just started has its default WHAPI limit and nothing to
      // send yet: run 5 needs no restart when it comes first
      phase("(5) outbound conformance", this::conformance);
      phase("stop conversation and outbound", () -> {
        log.accept("stopping conversation-service and outbound-service: runs 1 and 2 measure the ingress alone");
        stack.stop(ServiceModule.CONVERSATION, ServiceModule.OUTBOUND);
      });
    }
    phase("warm-up", this::warmUp);
    phase("(1) ingress capacity", this::capacity);
    phase("(2) ingress latency", this::latency);
    if (own) {
      long t4 = System.nanoTime();
      throughput();
      phases.put("(4) conversation throughput", Math.round(10 * (seconds(System.nanoTime() - t4) - phases.get("conversation start"))) / 10.0);
      endToEnd(true);
    } else {
      endToEnd(false);
      figures.add(new Figure("4. conversation throughput", "", "≥ 5,000 msg/s", "", "", Verdict.SKIPPED));
      figures.add(new Figure("5. outbound conformance", "", "≤ limit, ≥ 95 %", "", "", Verdict.SKIPPED));
      figures.add(new Figure("6. peak RSS", "", "", "", "", Verdict.SKIPPED));
    }
    figures.sort(java.util.Comparator.comparing(Figure::name));
    raw.put("phaseSeconds", phases);
    raw.put("loadAverageAtEnd", loadAverage());
    log.accept("where the time went (s): " + phases + "; load average " + raw.get("loadAverageAtStart") + " → " + raw.get("loadAverageAtEnd"));
    return new BenchReport(startedAt, plan.quick(), figures, series, raw, phases, Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /**
   * Warms the ingress until one round is answered 200 throughout at p99 ≤ {@link #CAPACITY_P99_MS},
   * at most {@link #MAX_WARMUP_ROUNDS} rounds: a cold JIT, or services still stopping, must not be
   * measured as the ingress's capacity (one round timed out a third of its webhooks at p50 10.9 s
   * right after conversation and outbound stopped, and the capacity search then stopped at 500/s).
   */
  private void warmUp() {
    List<Map<String, Object>> rounds = new ArrayList<>();
    for (int round = 1; round <= MAX_WARMUP_ROUNDS; round++) {
      LoadResult r = send("warm-up " + round, plan.warmupRate(), plan.warmup());
      rounds.add(summary(r));
      if (warm(r)) {
        break;
      }
    }
    raw.put("warmup", rounds);
  }

  /** Whether a warm-up round shows a warm ingress: every webhook answered 200 at p99 ≤ 50 ms. */
  static boolean warm(LoadResult round) {
    return round.allOk() && round.millisAt(99) <= CAPACITY_P99_MS;
  }

  // (1) ------------------------------------------------------------------------------------------

  private void capacity() {
    double recordSize = kafka.averageRecordSize(Topics.INBOUND_MESSAGES, 2000);
    int size = (int) Math.round(recordSize);
    log.accept("(1) average inbound-messages record: " + size + " bytes; ProducerPerformance with " + plan.producerRecords() + " records");
    kafka.recreate(Topics.PRODUCER_BENCHMARK, Topics.DEFAULT_PARTITIONS);
    ProducerPerformanceRun.Result pp =
        ProducerPerformanceRun.run(stack.libDir(), stack.projectDir(), stack.runDir(), kafka.bootstrap(), plan.producerRecords(), size);
    kafka.delete(Topics.PRODUCER_BENCHMARK);
    log.accept("    ProducerPerformance: " + pp.summary());
    List<Map<String, Object>> steps = new ArrayList<>();
    for (double rate : plan.capacityRates()) {
      double ingressCpu0 = ingressCpu();
      LoadResult r = send("capacity " + (int) rate + "/s", rate, plan.capacityStep());
      Map<String, Object> step = summary(r);
      double ingressCpu = ingressCpu() - ingressCpu0;
      step.put("ingressCpuSeconds", ingressCpu);
      step.put("ingressCpuPercentOfOneCore", 100 * ingressCpu / (r.elapsed().toNanos() / 1e9));
      step.put("generatorCpuPercentOfOneCore", 100 * r.generatorCpu().toNanos() / (double) r.elapsed().toNanos());
      steps.add(step);
      boolean ok = r.allOk() && r.millisAt(99) <= CAPACITY_P99_MS;
      if (!ok) {
        break;
      }
      bestCapacity = rate;
      sleep(Duration.ofSeconds(1));
    }
    double ratio = bestCapacity / pp.recordsPerSecond();
    raw.put("capacity", Map.of("steps", steps, "highestPassingRate", bestCapacity, "producerPerformance", pp, "recordSize", recordSize));
    figures.add(
        new Figure(
            "1. ingress capacity (all 200, p99 ≤ 50 ms)",
            fmt(bestCapacity) + " webhooks/s",
            "≥ 0.25 × ProducerPerformance",
            "ProducerPerformance " + fmt(pp.recordsPerSecond()) + " records/s of " + size + " B, acks=all",
            String.format("%.3f", ratio),
            Verdict.of(ratio >= 0.25)));
  }

  // (2) ------------------------------------------------------------------------------------------

  private void latency() {
    sleep(Duration.ofSeconds(1));
    LoadResult r = send("latency " + (int) plan.latencyRate() + "/s", plan.latencyRate(), plan.latencyDuration());
    raw.put("ingressLatency", summary(r));
    series.add(new LatencySeries("(2) ingress " + fmt(plan.latencyRate()) + "/s", r.latency(), r.perSecond()));
    figures.add(
        new Figure(
            "2. ingress latency at " + fmt(plan.latencyRate()) + "/s for " + plan.latencyDuration().toSeconds() + " s",
            String.format("p50 %.1f / p99 %.1f / p99.9 %.1f / max %.1f ms; %d of %d answered 200", r.millisAt(50), r.millisAt(99),
                r.millisAt(99.9), r.maxMillis(), r.ok(), r.sent()),
            "p99 ≤ 25 ms",
            META_ANCHOR,
            String.format("%.2f", r.millisAt(99) / 25),
            Verdict.of(r.millisAt(99) <= 25 && r.allOk())));
  }

  // (4) ------------------------------------------------------------------------------------------

  private void throughput() {
    Map<TopicPartition, Long> ends = kafka.endOffsets(Topics.INBOUND_MESSAGES);
    Map<TopicPartition, Long> committed = kafka.committed(CONVERSATION_GROUP, Topics.INBOUND_MESSAGES);
    long available = ends.keySet().stream().mapToLong(p -> ends.get(p) - committed.get(p)).sum();
    if (available < plan.backlog()) {
      double rate = Math.max(1000, Math.min(bestCapacity, 4000));
      long missing = plan.backlog() - available;
      log.accept("(4) topping the backlog up with " + missing + " webhooks at " + fmt(rate) + "/s");
      send("backlog top-up", rate, Duration.ofMillis((long) Math.ceil(missing * 1000 / rate) + 500));
    }
    Map<TopicPartition, Long> start = backlogStart(kafka.endOffsets(Topics.INBOUND_MESSAGES), committed, plan.backlog());
    kafka.setOffsets(CONVERSATION_GROUP, start);
    kafka.setOffsets(TRANSCRIPTS_GROUP, start);
    long backlog = kafka.lag(CONVERSATION_GROUP, Topics.INBOUND_MESSAGES);
    log.accept("(4) conversation-service starts with " + backlog + " records of inbound-messages waiting");
    long t0 = System.nanoTime();
    stack.restart(ServiceModule.CONVERSATION, Map.of());
    long ready = System.nanoTime();
    phases.put("conversation start", seconds(ready - t0));
    double cpu0 = ServiceMemory.cpuSeconds(stack.pid(ServiceModule.CONVERSATION));
    long deadline = ready + Duration.ofSeconds(120 + backlog / 200).toNanos();
    long lag = backlog;
    List<long[]> progress = new ArrayList<>();
    while (lag > 0 && System.nanoTime() < deadline) {
      sleep(Duration.ofMillis(250));
      lag = kafka.lag(CONVERSATION_GROUP, Topics.INBOUND_MESSAGES);
      progress.add(new long[] {(System.nanoTime() - ready) / 1_000_000, lag});
    }
    long done = System.nanoTime();
    double seconds = (done - ready) / 1e9;
    double rate = lag == 0 ? backlog / seconds : (backlog - lag) / seconds;
    double cpu = ServiceMemory.cpuSeconds(stack.pid(ServiceModule.CONVERSATION)) - cpu0;
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("backlog", backlog);
    result.put("startSeconds", (ready - t0) / 1e9);
    result.put("drainSeconds", seconds);
    result.put("remainingLag", lag);
    result.put("messagesPerSecond", rate);
    result.put("conversationCpuSecondsWhileDraining", cpu);
    result.put("conversationCpuPercentOfOneCore", 100 * cpu / seconds);
    result.put("progressMillisLag", progress);
    log.accept(String.format("(4) %d records in %.1f s after ready: %.0f msg/s (lag left %d); conversation-service CPU %.0f %% of one core",
        backlog, seconds, rate, lag, 100 * cpu / seconds));
    // the projector (same process) must not still be catching up during the end-to-end run
    long transcriptsLag = awaitLag(TRANSCRIPTS_GROUP, Topics.INBOUND_MESSAGES, Duration.ofSeconds(plan.quick() ? 30 : 180));
    result.put("transcriptsLagBeforeRun3", transcriptsLag);
    raw.put("conversationThroughput", result);
    figures.add(
        new Figure(
            "4. conversation throughput (exactly_once_v2, one instance)",
            String.format("%,.0f msg/s (%,d records in %.1f s)", rate, backlog, seconds),
            "≥ 5,000 msg/s",
            "ingress capacity " + fmt(bestCapacity) + "/s",
            String.format("%.2f", rate / 5000),
            Verdict.of(lag == 0 && rate >= 5000)));
  }

  /** Offsets that leave exactly {@code backlog} records before the ends, spread like the unconsumed records. */
  static Map<TopicPartition, Long> backlogStart(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> committed, long backlog) {
    long available = ends.keySet().stream().mapToLong(p -> Math.max(0, ends.get(p) - committed.get(p))).sum();
    Map<TopicPartition, Long> take = new HashMap<>();
    long taken = 0;
    for (TopicPartition p : ends.keySet()) {
      long unread = Math.max(0, ends.get(p) - committed.get(p));
      long n = available == 0 ? 0 : Math.min(unread, backlog * unread / available);
      take.put(p, n);
      taken += n;
    }
    List<TopicPartition> byUnread = new ArrayList<>(ends.keySet());
    byUnread.sort((a, b) -> Long.compare(ends.get(b) - committed.get(b) - take.get(b), ends.get(a) - committed.get(a) - take.get(a)));
    for (int i = 0; taken < backlog && i < byUnread.size() * 4; i++) {
      TopicPartition p = byUnread.get(i % byUnread.size());
      if (take.get(p) < ends.get(p) - committed.get(p)) {
        take.merge(p, 1L, Long::sum);
        taken++;
      }
    }
    Map<TopicPartition, Long> start = new HashMap<>();
    ends.forEach((p, end) -> start.put(p, end - take.get(p)));
    return start;
  }

  // (3), (3b) and (6) ----------------------------------------------------------------------------

  private void endToEnd(boolean own) {
    sandbox.clearFaults();
    sandbox.clearReceipts();
    Map<TopicPartition, Long> deliveryFrom = kafka.endOffsets(Topics.DELIVERY_EVENTS);
    if (own) {
      phase("outbound start (raised limits)", () -> {
        kafka.skipToEnd(OUTBOUND_GROUP, Topics.OUTBOUND_MESSAGES);
        log.accept("(3) starting outbound-service with limits above the run's rate");
        stack.restart(ServiceModule.OUTBOUND, RAISED_OUTBOUND_LIMITS);
      });
    }
    FirstReplies replies = new FirstReplies(script::indexOf);
    try (ReplyTracker tracker = new ReplyTracker(sandbox, kafka.bootstrap(), deliveryFrom, replies)) {
      phase("(3) end to end", () -> saturated(own, tracker, replies));
      phase("(3b) end to end below saturation", () -> ladder(tracker, replies));
    }
  }

  /** (3) at the rate, with (6) the services' peak RSS meanwhile. */
  private void saturated(boolean own, ReplyTracker tracker, FirstReplies replies) {
    Map<ServiceModule, Long> peaks = new EnumMap<>(ServiceModule.class);
    AtomicBoolean sampling = new AtomicBoolean(own);
    Thread sampler = null;
    if (own) {
      for (ServiceModule m : ServiceModule.values()) {
        ServiceMemory.resetPeak(stack.pid(m));
        peaks.put(m, ServiceMemory.rssKib(stack.pid(m)));
      }
      sampler = Thread.ofPlatform().daemon().name("rss-sampler").start(() -> {
        while (sampling.get()) {
          for (ServiceModule m : ServiceModule.values()) {
            peaks.merge(m, ServiceMemory.rssKib(stack.pid(m)), Math::max);
          }
          sleepQuietly(250);
        }
      });
    }
    EndToEndRun run = endToEndRun("(3) end to end " + (int) plan.e2eRate() + "/s", plan.e2eRate(), plan.e2eDuration(), tracker, replies);
    EndToEndStep step = run.step();
    Map<String, Object> result = new LinkedHashMap<>(step.summary());
    result.put("ingress", summary(run.load()));
    result.put("inboundLagAtEnd", kafka.lag(CONVERSATION_GROUP, Topics.INBOUND_MESSAGES));
    // outbound-messages is transactional: one commit marker per partition stays as lag
    result.put("outboundLagAtEnd", own ? kafka.lag(OUTBOUND_GROUP, Topics.OUTBOUND_MESSAGES) : -1);
    result.put("repliesMatched", replies.matched());
    result.put("repliesToOtherWebhooks", replies.foreign());
    result.put("repliesWithoutSentEvent", replies.unmatched());
    sampling.set(false);
    if (sampler != null) {
      try {
        sampler.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    raw.put("endToEnd", result);
    series.add(new LatencySeries("(3) end to end " + fmt(plan.e2eRate()) + "/s", step.latency(), step.perSecond()));
    figures.add(
        new Figure(
            "3. end to end at " + fmt(plan.e2eRate()) + " msg/s for " + plan.e2eDuration().toSeconds() + " s (webhook → reply in sandbox)",
            step.describe(),
            "p99 ≤ 250 ms, 0 lost",
            META_ANCHOR,
            String.format("%.2f", step.millisAt(99) / EndToEndStep.GOAL_P99_MILLIS),
            Verdict.of(step.meetsGoal())));
    if (own) {
      Map<String, Object> memory = new LinkedHashMap<>();
      StringBuilder value = new StringBuilder();
      for (ServiceModule m : ServiceModule.values()) {
        long peak = Math.max(peaks.getOrDefault(m, -1L), ServiceMemory.peakKib(stack.pid(m)));
        memory.put(m.artifact(), peak);
        value.append(value.isEmpty() ? "" : ", ").append(m.artifact()).append(' ').append(peak / 1024).append(" MiB");
      }
      raw.put("peakRssKib", memory);
      figures.add(new Figure("6. peak RSS during run 3", value.toString(), "(reported)", "heap limit -Xmx512m each", "", Verdict.INFO));
    }
  }

  /**
   * (3b) end to end below saturation: a step per rate of the plan, slowest first, on the pipeline
   * run 3 warmed, each after the replies of the one before arrived.
   */
  private void ladder(ReplyTracker tracker, FirstReplies replies) {
    // run 3's backlog is drained; the projector (same process) must have caught up too
    long transcriptsLag = awaitLag(TRANSCRIPTS_GROUP, Topics.INBOUND_MESSAGES, Duration.ofSeconds(plan.quick() ? 30 : 180));
    List<EndToEndStep> steps = new ArrayList<>();
    List<Map<String, Object>> json = new ArrayList<>();
    for (double rate : plan.ladderRates()) {
      EndToEndStep step = endToEndRun("(3b) end to end " + (int) rate + "/s", rate, plan.ladderStep(), tracker, replies).step();
      steps.add(step);
      json.add(step.summary());
      series.add(new LatencySeries("(3b) end to end " + fmt(rate) + "/s", step.latency(), step.perSecond(), true));
      figures.add(
          new Figure(
              "3b. end to end below saturation, step " + steps.size() + ": " + fmt(rate) + " msg/s for " + plan.ladderStep().toSeconds() + " s",
              step.describe(),
              "p99 ≤ 250 ms, 0 lost",
              META_ANCHOR,
              String.format("%.2f", step.millisAt(99) / EndToEndStep.GOAL_P99_MILLIS),
              Verdict.of(step.meetsGoal())));
    }
    double best = EndToEndStep.highestRateMeetingGoal(steps);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("transcriptsLagBefore", transcriptsLag);
    result.put("steps", json);
    result.put("highestRateMeetingGoal", best);
    raw.put("endToEndLadder", result);
    log.accept("(3b) highest rate with p99 ≤ 250 ms and none lost: " + (best == 0 ? "none" : fmt(best) + " msg/s"));
    figures.add(
        new Figure(
            "3b. end to end below saturation: highest rate with p99 ≤ 250 ms, 0 lost",
            best == 0 ? "none (the slowest step missed)" : fmt(best) + " msg/s",
            "(reported)",
            "steps " + plan.ladderRates().stream().map(BenchRun::fmt).toList() + " msg/s; run 3 at " + fmt(plan.e2eRate()),
            "",
            Verdict.INFO));
  }

  /** One end-to-end load and the wait for its replies. */
  private record EndToEndRun(LoadResult load, EndToEndStep step) {}

  private EndToEndRun endToEndRun(String label, double rate, Duration duration, ReplyTracker tracker, FirstReplies replies) {
    LoadResult r = send(label, rate, duration);
    long expected = r.ok();
    Drain drain = new Drain(plan.drain(), System.nanoTime());
    Drain.Outcome outcome = Drain.Outcome.WAITING;
    long previousLag = -1;
    long lastLog = System.nanoTime();
    while (outcome == Drain.Outcome.WAITING) {
      sleep(DRAIN_POLL);
      int fresh = tracker.poll();
      long lag = kafka.lag(CONVERSATION_GROUP, Topics.INBOUND_MESSAGES);
      long replied = replies.replied(r.firstIndex(), r.accepted());
      outcome = drain.observe(System.nanoTime(), replied, expected, lag, fresh > 0 || lag != previousLag);
      previousLag = lag;
      if (System.nanoTime() - lastLog > 10_000_000_000L) {
        log.accept("    waiting for replies: " + replied + " of " + expected + " replied, inbound-messages lag " + lag);
        lastLog = System.nanoTime();
      }
    }
    EndToEndStep step = EndToEndStep.of(r, duration.toMillis() / 1000.0, replies, drain.secondsAt(System.nanoTime()), outcome);
    log.accept(String.format("    %-22s %d accepted, %d replied, %d lost (replies waited for %.1f s: %s); p50 %.0f p99 %.0f max %.0f ms",
        label, step.accepted(), step.latency().getTotalCount(), step.lost(), step.drainSeconds(), outcome, step.millisAt(50),
        step.millisAt(99), step.maxMillis()));
    return new EndToEndRun(r, step);
  }

  // (5) ------------------------------------------------------------------------------------------

  /** On the stack as it started: the outbound service with its default WHAPI limit, nothing waiting. */
  private void conformance() {
    int n = plan.outboundBacklog();
    int limit = plan.sandboxLimit();
    long waitingBefore = kafka.lag(OUTBOUND_GROUP, Topics.OUTBOUND_MESSAGES);
    sandbox.clearReceipts();
    sandbox.rateLimit(limit);
    produceReplies(n);
    log.accept("(5) " + n + " replies written for outbound-service (its default WHAPI limit), sandbox at " + limit + "/s");
    long deadline = System.nanoTime() + Duration.ofSeconds(60 + 2L * n / limit).toNanos();
    List<SandboxClient.Receipt> receipts = new ArrayList<>();
    while (receipts.size() < n && System.nanoTime() < deadline) {
      sleep(DRAIN_POLL);
      receipts.addAll(sandbox.receiptsSince(receipts.isEmpty() ? 0 : receipts.getLast().seq() + 1));
    }
    long refused = sandbox.rateLimited();
    sandbox.clearFaults();
    long[] times = receipts.stream().mapToLong(SandboxClient.Receipt::at).sorted().toArray();
    int maxWindow = maxInAnyWindow(times, 1000);
    double mean = times.length < 2 ? 0 : (times.length - 1) * 1000.0 / (times[times.length - 1] - times[0]);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("backlog", n);
    result.put("outboundMessagesWaitingBefore", waitingBefore);
    result.put("delivered", times.length);
    result.put("maxInAnyOneSecondWindow", maxWindow);
    result.put("meanPerSecond", mean);
    result.put("refusedBySandbox429", refused);
    result.put("sandboxLimit", limit);
    raw.put("outboundConformance", result);
    log.accept(String.format("(5) %d sent; max %d in any 1-s window; mean %.2f/s; %d × 429", times.length, maxWindow, mean, refused));
    figures.add(
        new Figure(
            "5. outbound conformance (" + fmt(n) + " replies waiting)",
            String.format("max %d in any 1-s window; mean %.2f/s; %d × 429; %d of %d sent", maxWindow, mean, refused, times.length, n),
            "max ≤ " + limit + ", mean ≥ " + String.format("%.0f", 0.95 * limit) + "/s",
            "sandbox limit " + limit + "/s (WHAPI's default)",
            String.format("%.3f", mean / limit),
            Verdict.of(times.length == n && maxWindow <= limit && mean >= 0.95 * limit)));
  }

  /** The most timestamps (sorted, ms) inside any window of {@code windowMillis}. */
  static int maxInAnyWindow(long[] sortedMillis, long windowMillis) {
    int best = 0;
    int from = 0;
    for (int to = 0; to < sortedMillis.length; to++) {
      while (sortedMillis[to] - sortedMillis[from] >= windowMillis) {
        from++;
      }
      best = Math.max(best, to - from + 1);
    }
    return best;
  }

  private void produceReplies(int n) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    Instant now = Instant.now();
    try (KafkaProducer<String, OutboundMessage> producer =
        new KafkaProducer<>(props, Topics.OUTBOUND_MESSAGES.keySerde().serializer(), Topics.OUTBOUND_MESSAGES.valueSerde().serializer())) {
      for (int i = 0; i < n; i++) {
        String phone = "5198" + String.format("%07d", i);
        String inbound = script.runId() + "out-" + i;
        OutboundMessage reply =
            new OutboundMessage(OutboundMessage.replyId(inbound, 1), Channel.WHATSAPP, Provider.WHAPI, "wa:" + phone, phone,
                new OutboundContent.Text("Hola, esta es la respuesta " + (i + 1) + " de la prueba de ritmo."), inbound, now);
        ProducerRecord<String, OutboundMessage> record = new ProducerRecord<>(Topics.OUTBOUND_MESSAGES.name(), reply.conversationKey(), reply);
        XofiHeaders.stamp(record.headers(), Topics.OUTBOUND_MESSAGES, XofiHeaders.newTraceId());
        producer.send(record);
      }
      producer.flush();
    }
  }

  // ----------------------------------------------------------------------------------------------

  private LoadResult send(String label, double rate, Duration duration) {
    ArrivalSchedule schedule = new ArrivalSchedule(rate, duration);
    LoadResult r = load.run(schedule, script, nextIndex);
    nextIndex += r.sent();
    log.accept(String.format("    %-22s %,6d sent, %,6d × 200, %d errors %s; p50 %.1f p99 %.1f p99.9 %.1f max %.1f ms; generator CPU %.0f %%",
        label, r.sent(), r.ok(), r.errors(), r.statuses(), r.millisAt(50), r.millisAt(99), r.millisAt(99.9), r.maxMillis(),
        100.0 * r.generatorCpu().toNanos() / r.elapsed().toNanos()));
    return r;
  }

  private long awaitLag(String group, pe.xofi.chat.schemas.Topic<?, ?> topic, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    long lag = kafka.lag(group, topic);
    while (lag > 0 && System.nanoTime() < deadline) {
      sleep(Duration.ofMillis(500));
      lag = kafka.lag(group, topic);
    }
    return lag;
  }

  /** Runs {@code body} and notes its wall time under {@code name}. */
  private void phase(String name, Runnable body) {
    long t0 = System.nanoTime();
    body.run();
    phases.put(name, seconds(System.nanoTime() - t0));
  }

  private static double seconds(long nanos) {
    return Math.round(nanos / 1e8) / 10.0;
  }

  /** The machine's 1-, 5- and 15-minute load averages, as {@code uptime} shows them (the 1-minute one alone off Linux). */
  static String loadAverage() {
    try {
      String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (java.io.IOException | RuntimeException e) {
      return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private double ingressCpu() {
    return stack.own().isPresent() ? ServiceMemory.cpuSeconds(stack.pid(ServiceModule.INGRESS)) : 0;
  }

  private static Map<String, Object> summary(LoadResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rate", r.rate());
    m.put("sent", r.sent());
    m.put("statuses", r.statuses());
    m.put("errors", r.errors());
    m.put("p50Millis", r.millisAt(50));
    m.put("p90Millis", r.millisAt(90));
    m.put("p99Millis", r.millisAt(99));
    m.put("p999Millis", r.millisAt(99.9));
    m.put("maxMillis", r.maxMillis());
    m.put("elapsedSeconds", r.elapsed().toNanos() / 1e9);
    m.put("generatorCpuSeconds", r.generatorCpu().toNanos() / 1e9);
    if (r.firstRefusal() != null) {
      m.put("firstRefusal", r.firstRefusal());
    }
    return m;
  }

  static String fmt(double v) {
    return String.format("%,.0f", v);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
