package pe.xofi.chat.localstack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import pe.xofi.chat.kafkalag.PartitionLag;

/** Two readings of consumer lag as a table: one line per partition and a total per group and topic. */
final class LagTable {

  private static final String FORMAT = "%-26s %-22s %9s %10s %10s %8s  %s%n";

  private LagTable() {}

  static String of(List<PartitionLag> before, List<PartitionLag> after, Duration interval, boolean nonzeroOnly) {
    Map<String, PartitionLag> earlier = before.stream().collect(Collectors.toMap(LagTable::id, Function.identity()));
    StringBuilder out = new StringBuilder();
    out.append(String.format(FORMAT, "GROUP", "TOPIC", "PARTITION", "COMMITTED", "LOG-END", "LAG", "TREND over " + interval.toSeconds() + " s"));
    Map<String, long[]> totals = new LinkedHashMap<>();
    for (PartitionLag now : after) {
      PartitionLag then = earlier.get(id(now));
      long change = then == null ? 0 : now.lag() - then.lag();
      long[] total = totals.computeIfAbsent(now.group() + " " + now.topic(), k -> new long[2]);
      total[0] += now.lag();
      total[1] += change;
      if (nonzeroOnly && now.lag() == 0 && change == 0) {
        continue;
      }
      out.append(String.format(FORMAT, now.group(), now.topic(), now.partition(), now.committed(), now.logEnd(), now.lag(), trend(change)));
    }
    out.append('\n');
    totals.forEach(
        (groupTopic, total) -> {
          String[] parts = groupTopic.split(" ", 2);
          out.append(String.format(FORMAT, parts[0], parts[1], "all", "", "", total[0], trend(total[1])));
        });
    if (after.isEmpty()) {
      out.append("no consumer group has committed offsets\n");
    }
    return out.toString();
  }

  static String trend(long change) {
    if (change > 0) {
      return "growing +" + change;
    }
    if (change < 0) {
      return "draining " + change;
    }
    return "steady";
  }

  private static String id(PartitionLag lag) {
    return lag.group() + "/" + lag.topic() + "/" + lag.partition();
  }
}
