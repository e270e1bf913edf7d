package pe.xofi.chat.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** PNG charts of a bench: latency over time (p50, p99, max per second) and latency distribution. */
public final class Charts {

  private Charts() {}

  /** p50, p99 and max per second of each series (p99 alone for some), in milliseconds. */
  public static void latencyOverTime(List<LatencySeries> series, Path png) throws IOException {
    XYSeriesCollection data = new XYSeriesCollection();
    for (LatencySeries s : series) {
      XYSeries p50 = new XYSeries(s.label() + " p50");
      XYSeries p99 = new XYSeries(s.label() + " p99");
      XYSeries max = new XYSeries(s.label() + " max");
      for (int second = 0; second < s.perSecond().size(); second++) {
        Histogram h = s.perSecond().get(second);
        if (h.getTotalCount() > 0) {
          p50.add(second, Math.max(0.01, h.getValueAtPercentile(50) / 1000.0));
          p99.add(second, Math.max(0.01, h.getValueAtPercentile(99) / 1000.0));
          max.add(second, Math.max(0.01, h.getMaxValue() / 1000.0));
        }
      }
      if (!s.p99Only()) {
        data.addSeries(p50);
      }
      data.addSeries(p99);
      if (!s.p99Only()) {
        data.addSeries(max);
      }
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart("Latency over time", "second of the run", "latency (ms, log)", data, PlotOrientation.VERTICAL, true, false, false);
    chart.getXYPlot().setRangeAxis(millisAxis());
    chart.getXYPlot().setBackgroundPaint(java.awt.Color.WHITE);
    ChartUtils.saveChartAsPNG(png.toFile(), chart, 1100, 600);
  }

  /** Latency by percentile of each series (x: 1 = p90, 2 = p99, 3 = p99.9, …). */
  public static void distribution(List<LatencySeries> series, Path png) throws IOException {
    XYSeriesCollection data = new XYSeriesCollection();
    for (LatencySeries s : series) {
      XYSeries curve = new XYSeries(s.label());
      for (HistogramIterationValue v : s.all().percentiles(5)) {
        double p = v.getPercentileLevelIteratedTo() / 100.0;
        if (p >= 0.999999) {
          break;
        }
        curve.add(Math.log10(1 / (1 - p)), Math.max(0.01, v.getValueIteratedTo() / 1000.0));
      }
      curve.add(Math.log10(1 / (1 - 0.999999)), Math.max(0.01, s.all().getMaxValue() / 1000.0));
      data.addSeries(curve);
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "Latency distribution", "percentile: 0 = p0, 1 = p90, 2 = p99, 3 = p99.9, 6 = max", "latency (ms, log)", data,
            PlotOrientation.VERTICAL, true, false, false);
    chart.getXYPlot().setRangeAxis(millisAxis());
    chart.getXYPlot().setBackgroundPaint(java.awt.Color.WHITE);
    ChartUtils.saveChartAsPNG(png.toFile(), chart, 1100, 600);
  }

  private static LogAxis millisAxis() {
    LogAxis axis = new LogAxis("latency (ms, log scale)");
    axis.setSmallestValue(0.01);
    axis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.##"));
    return axis;
  }
}
