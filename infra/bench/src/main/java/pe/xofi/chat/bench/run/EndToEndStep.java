package pe.xofi.chat.bench.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import pe.xofi.chat.bench.load.LoadResult;

/**
 * One end-to-end run at a fixed rate: each accepted webhook's latency from its intended send time
 * to its first reply's arrival in the sandbox, and the accepted webhooks left without a reply.
 *
 * @param rate         messages per second asked for
 * @param seconds      length of the load
 * @param sent         webhooks sent
 * @param accepted     webhooks the ingress answered 200
 * @param lost         accepted webhooks without a reply when the wait ended
 * @param latency      latencies of the replied webhooks (µs)
 * @param perSecond    the same by second of the intended send time
 * @param drainSeconds the wait for the replies after the load
 * @param drain        how the wait ended
 */
record EndToEndStep(
    double rate,
    double seconds,
    long sent,
    long accepted,
    long lost,
    Histogram latency,
    List<Histogram> perSecond,
    double drainSeconds,
    Drain.Outcome drain) {

  /** The end-to-end goal. */
  static final double GOAL_P99_MILLIS = 250;

  /** The latencies of {@code load}'s webhooks from {@code replies}. */
  static EndToEndStep of(LoadResult load, double seconds, FirstReplies replies, double drainSeconds, Drain.Outcome drain) {
    int n = (int) load.sent();
    int buckets = Math.max(1, load.perSecond().size());
    Histogram all = new Histogram(3);
    List<Histogram> perSecond = new ArrayList<>(buckets);
    for (int s = 0; s < buckets; s++) {
      perSecond.add(new Histogram(3));
    }
    long start = n == 0 ? 0 : load.intendedEpochMillis()[0];
    long accepted = 0;
    long lost = 0;
    for (int i = 0; i < n; i++) {
      if (!load.accepted()[i]) {
        continue;
      }
      accepted++;
      long at = replies.firstAt(load.firstIndex() + i);
      if (at < 0) {
        lost++;
        continue;
      }
      long intended = load.intendedEpochMillis()[i];
      long micros = Math.max(0, at - intended) * 1000;
      all.recordValue(micros);
      perSecond.get((int) Math.min(buckets - 1, (intended - start) / 1000)).recordValue(micros);
    }
    return new EndToEndStep(load.rate(), seconds, n, accepted, lost, all, perSecond, drainSeconds, drain);
  }

  double millisAt(double percentile) {
    return latency.getValueAtPercentile(percentile) / 1000.0;
  }

  double maxMillis() {
    return latency.getMaxValue() / 1000.0;
  }

  /** Every webhook accepted and replied to, p99 within the goal. */
  boolean meetsGoal() {
    return accepted == sent && lost == 0 && millisAt(99) <= GOAL_P99_MILLIS;
  }

  /**
   * The highest rate of a ladder (steps in any order) at which that step and every slower one met
   * the goal, or 0 when the slowest did not.
   */
  static double highestRateMeetingGoal(List<EndToEndStep> steps) {
    List<EndToEndStep> byRate = new ArrayList<>(steps);
    byRate.sort(java.util.Comparator.comparingDouble(EndToEndStep::rate));
    double best = 0;
    for (EndToEndStep step : byRate) {
      if (!step.meetsGoal()) {
        break;
      }
      best = step.rate();
    }
    return best;
  }

  /** "p50 … / p99 … / max … ms; lost … of …" for the table. */
  String describe() {
    return String.format("p50 %.0f / p99 %.0f / max %.0f ms; lost %d of %d", millisAt(50), millisAt(99), maxMillis(), lost, accepted);
  }

  /** Every number, for the JSON file. */
  Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rate", rate);
    m.put("seconds", seconds);
    m.put("sent", sent);
    m.put("accepted", accepted);
    m.put("replied", latency.getTotalCount());
    m.put("lost", lost);
    m.put("p50Millis", millisAt(50));
    m.put("p90Millis", millisAt(90));
    m.put("p99Millis", millisAt(99));
    m.put("p999Millis", millisAt(99.9));
    m.put("maxMillis", maxMillis());
    m.put("drainSeconds", drainSeconds);
    m.put("drainEnded", drain.name());
    m.put("meetsGoal", meetsGoal());
    return m;
  }
}
