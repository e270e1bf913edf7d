package pe.xofi.chat.bench.run;

import java.time.Duration;
import java.util.List;

/**
 * The sizes of one bench: the figures, or scaled down for {@code --quick}.
 *
 * @param quick            the scaled-down mode
 * @param phones           distinct members writing
 * @param warmupRate       webhooks/s of the warm-up (JIT, connections, a record size to copy)
 * @param warmup           its length
 * @param capacityRates    the steps of the capacity search, webhooks/s
 * @param capacityStep     length of each step
 * @param producerRecords  records of Kafka's ProducerPerformance
 * @param latencyRate      webhooks/s of the latency run
 * @param latencyDuration  its length
 * @param e2eRate          messages/s of the end-to-end run
 * @param e2eDuration      its length
 * @param ladderRates      messages/s of the end-to-end steps below saturation, after the end-to-end run
 * @param ladderStep       length of each
 * @param drain            when the wait for an end-to-end run's replies ends
 * @param backlog          inbound-messages records the conversation service is given at once
 * @param outboundBacklog  replies waiting when the outbound service starts
 * @param sandboxLimit     the sandbox's (and WHAPI's) sends per second in the conformance run
 */
public record BenchPlan(
    boolean quick,
    int phones,
    double warmupRate,
    Duration warmup,
    List<Double> capacityRates,
    Duration capacityStep,
    long producerRecords,
    double latencyRate,
    Duration latencyDuration,
    double e2eRate,
    Duration e2eDuration,
    List<Double> ladderRates,
    Duration ladderStep,
    DrainRule drain,
    int backlog,
    int outboundBacklog,
    int sandboxLimit) {

  /** The figures. */
  public static BenchPlan full(int phones) {
    return new BenchPlan(
        false, phones, 1000, Duration.ofSeconds(15),
        List.of(250.0, 500.0, 1000.0, 1500.0, 2000.0, 3000.0, 4000.0, 5000.0, 6000.0, 8000.0, 10000.0, 12000.0, 15000.0, 20000.0),
        Duration.ofSeconds(5), 1_000_000, 2000, Duration.ofSeconds(60), 1000, Duration.ofSeconds(60),
        List.of(100.0, 250.0, 500.0), Duration.ofSeconds(30),
        new DrainRule(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(10)),
        200_000, 2000, 20);
  }

  /** About a minute and a half of measuring, for development. */
  public static BenchPlan quick(int phones) {
    return new BenchPlan(
        true, phones, 500, Duration.ofSeconds(3), List.of(250.0, 500.0, 1000.0, 2000.0, 4000.0, 8000.0), Duration.ofSeconds(2),
        200_000, 2000, Duration.ofSeconds(5), 1000, Duration.ofSeconds(5),
        List.of(100.0, 250.0, 500.0), Duration.ofSeconds(3),
        new DrainRule(Duration.ofMillis(500), Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofMinutes(3)),
        5_000, 100, 20);
  }
}
