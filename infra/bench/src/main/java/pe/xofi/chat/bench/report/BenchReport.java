package pe.xofi.chat.bench.report;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * Everything one {@code ./xofi bench} produced.
 *
 * @param startedAt when it started (local time)
 * @param quick     the scaled-down mode
 * @param figures   the table
 * @param series    latencies for the charts
 * @param raw       every number measured, for the JSON file
 * @param phases    wall time of each part of the run (stack start, each measurement with its waits and restarts), s
 * @param duration  wall time of the measurements (stack start included)
 */
public record BenchReport(
    LocalDateTime startedAt, boolean quick, List<Figure> figures, List<LatencySeries> series, Map<String, Object> raw,
    Map<String, Double> phases, Duration duration) {}
