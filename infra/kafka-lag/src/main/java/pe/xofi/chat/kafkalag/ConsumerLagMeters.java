package pe.xofi.chat.kafkalag;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Exports the lag of this service's consumer groups per topic-partition as {@code
 * xofi.kafka.consumer.lag} (and the offsets it comes from), refreshed every interval with the admin
 * client. A failed refresh keeps the previous values and is logged once per failure streak.
 */
public final class ConsumerLagMeters implements SmartLifecycle {

  static final String LAG = "xofi.kafka.consumer.lag";
  static final String COMMITTED = "xofi.kafka.consumer.committed.offset";
  static final String LOG_END = "xofi.kafka.log.end.offset";

  private static final Logger log = LoggerFactory.getLogger(ConsumerLagMeters.class);

  private final Map<String, Object> adminProperties;
  private final List<String> groups;
  private final Duration interval;
  private final MultiGauge lag;
  private final MultiGauge committed;
  private final MultiGauge logEnd;
  private ScheduledExecutorService scheduler;
  private Admin admin;
  private boolean failing;

  public ConsumerLagMeters(Map<String, Object> adminProperties, List<String> groups, Duration interval, MeterRegistry registry) {
    this.adminProperties = Map.copyOf(adminProperties);
    this.groups = List.copyOf(groups);
    this.interval = interval;
    this.lag = MultiGauge.builder(LAG).description("Records not yet consumed by the group, per topic-partition").register(registry);
    this.committed = MultiGauge.builder(COMMITTED).description("The group's committed offset, per topic-partition").register(registry);
    this.logEnd = MultiGauge.builder(LOG_END).description("Log end offset of the partitions the group consumes").register(registry);
  }

  /** Reads the lag once and updates the gauges. */
  void refresh() {
    try {
      List<PartitionLag> lags = new ConsumerLagReader(admin, interval.toMillis()).lagOf(groups);
      lag.register(rows(lags, PartitionLag::lag), true);
      committed.register(rows(lags, PartitionLag::committed), true);
      logEnd.register(rows(lags, PartitionLag::logEnd), true);
      failing = false;
    } catch (RuntimeException e) {
      if (!failing) {
        log.warn("consumer lag of {} not refreshed: {}", groups, e.getMessage());
      }
      failing = true;
    }
  }

  private static List<Row<?>> rows(List<PartitionLag> lags, java.util.function.ToLongFunction<PartitionLag> value) {
    return lags.stream()
        .<Row<?>>map(
            l -> Row.of(
                Tags.of("group", l.group(), "topic", l.topic(), "partition", Integer.toString(l.partition())),
                value.applyAsLong(l)))
        .toList();
  }

  @Override
  public synchronized void start() {
    if (scheduler != null || groups.isEmpty()) {
      return;
    }
    admin = Admin.create(adminProperties);
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "kafka-lag-meters");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (scheduler == null) {
      return;
    }
    scheduler.shutdownNow();
    admin.close(Duration.ofSeconds(2));
    scheduler = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
