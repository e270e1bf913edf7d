package pe.xofi.chat.bench.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What an open-loop run saw. Latencies are in microseconds, measured from each request's
 * intended send time to its answer.
 *
 * @param rate                 requests per second asked for
 * @param latency              every request's latency
 * @param perSecond            latencies by the second of the intended send time
 * @param statuses             answers by HTTP status
 * @param errors               requests without an answer (connection error, timeout)
 * @param firstIndex           index of the run's first request in its {@link ConversationScript}
 * @param intendedEpochMillis  intended send time of each request (wall clock)
 * @param accepted             whether each request was answered 200
 * @param elapsed              from the first intended send to the last answer
 * @param generatorCpu         CPU time the generator's JVM used meanwhile
 * @param firstRefusal         status and body of the first answer other than 200 so far, or null
 */
public record LoadResult(
    double rate,
    Histogram latency,
    List<Histogram> perSecond,
    Map<Integer, Long> statuses,
    long errors,
    long firstIndex,
    long[] intendedEpochMillis,
    boolean[] accepted,
    Duration elapsed,
    Duration generatorCpu,
    String firstRefusal) {

  public long sent() {
    return intendedEpochMillis.length;
  }

  public long ok() {
    return statuses.getOrDefault(200, 0L);
  }

  /** True when every request was answered 200. */
  public boolean allOk() {
    return ok() == sent();
  }

  /** Latency at {@code percentile} (0–100) in milliseconds. */
  public double millisAt(double percentile) {
    return latency.getValueAtPercentile(percentile) / 1000.0;
  }

  public double maxMillis() {
    return latency.getMaxValue() / 1000.0;
  }
}
