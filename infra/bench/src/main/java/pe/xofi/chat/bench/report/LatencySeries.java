package pe.xofi.chat.bench.report;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Latencies of one run for the charts (microseconds).
 *
 * @param label     the run's name in the legend
 * @param all       every latency of the run
 * @param perSecond latencies by second of the run
 */
public record LatencySeries(String label, Histogram all, List<Histogram> perSecond) {}
