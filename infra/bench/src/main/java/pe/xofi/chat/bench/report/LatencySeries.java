package pe.xofi.chat.bench.report;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Latencies of one run for the charts (microseconds).
 *
 * @param label     the run's name in the legend
 * @param all       every latency of the run
 * @param perSecond latencies by second of the run
 * @param p99Only   only its p99 in the latency-over-time chart (the end-to-end ladder's steps, which
 *                  would crowd it with p50 and max too)
 */
public record LatencySeries(String label, Histogram all, List<Histogram> perSecond, boolean p99Only) {

  /** A run drawn with p50, p99 and max over time. */
  public LatencySeries(String label, Histogram all, List<Histogram> perSecond) {
    this(label, all, perSecond, false);
  }
}
