package pe.xofi.chat.bench.load;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-loop load generator: one thread sends request {@code i} at its intended time from the
 * {@link ArrivalSchedule} with a non-blocking client ({@link WebhookPoster}), never waiting for earlier answers;
 * each answer's latency is counted from the intended time into HdrHistograms, so a stalled server
 * shows up as latency instead of as a slower generator.
 */
public final class OpenLoopLoad {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final long HIGHEST_MICROS = Duration.ofMinutes(10).toNanos() / 1000;

  private final WebhookPoster poster;

  /** A generator posting to {@code target} with WHAPI's {@code webhookSecret}, as WHAPI would. */
  public OpenLoopLoad(URI target, String webhookSecret) {
    this.poster = new WebhookPoster(target, webhookSecret, REQUEST_TIMEOUT);
  }

  /** Sends requests {@code firstIndex…} of {@code script} on {@code schedule} and waits for every answer. */
  public LoadResult run(ArrivalSchedule schedule, ConversationScript script, long firstIndex) {
    int count = Math.toIntExact(schedule.count());
    int seconds = (int) Math.ceil(schedule.duration().toNanos() / 1e9) + 1;
    Histogram all = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    List<Histogram> perSecond = new ArrayList<>(seconds);
    for (int s = 0; s < seconds; s++) {
      perSecond.add(new ConcurrentHistogram(HIGHEST_MICROS, 3));
    }
    Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    LongAdder errors = new LongAdder();
    AtomicLong answered = new AtomicLong();
    long[] intendedEpochMillis = new long[count];
    boolean[] accepted = new boolean[count];
    long cpu0 = processCpuNanos();
    long startEpochMillis = System.currentTimeMillis() + 20;
    long start = System.nanoTime() + 20_000_000;
    for (int k = 0; k < count; k++) {
      long offset = schedule.intendedOffsetNanos(k);
      long intended = start + offset;
      long wait;
      while ((wait = intended - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      long epochMillis = startEpochMillis + offset / 1_000_000;
      intendedEpochMillis[k] = epochMillis;
      Webhook webhook = script.webhook(firstIndex + k, epochMillis / 1000);
      int slot = k;
      Histogram second = perSecond.get((int) Math.min(seconds - 1, offset / 1_000_000_000L));
      poster.post(
          webhook.body(),
          (status, failure) -> {
            long micros = Math.min(HIGHEST_MICROS, Math.max(0, (System.nanoTime() - intended) / 1000));
            all.recordValue(micros);
            second.recordValue(micros);
            if (status == null) {
              errors.increment();
            } else {
              statuses.computeIfAbsent(status, c -> new LongAdder()).increment();
              accepted[slot] = status == 200;
            }
            answered.incrementAndGet();
          });
    }
    long deadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos() + 5_000_000_000L;
    while (answered.get() < count && System.nanoTime() < deadline) {
      LockSupport.parkNanos(1_000_000);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    Duration cpu = Duration.ofNanos(processCpuNanos() - cpu0);
    Map<Integer, Long> byStatus = new TreeMap<>();
    statuses.forEach((status, n) -> byStatus.put(status, n.sum()));
    long unanswered = count - answered.get();
    return new LoadResult(
        schedule.ratePerSecond(), all, perSecond, byStatus, errors.sum() + unanswered, firstIndex,
        intendedEpochMillis, accepted, elapsed, cpu, poster.firstRefusal());
  }

  /** CPU time used by this JVM so far. */
  public static long processCpuNanos() {
    return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
  }
}
