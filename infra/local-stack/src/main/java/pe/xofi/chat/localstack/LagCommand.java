package pe.xofi.chat.localstack;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import pe.xofi.chat.kafkalag.ConsumerLagReader;
import pe.xofi.chat.kafkalag.PartitionLag;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./xofi lag}: every consumer group's lag per topic-partition (the Kafka Streams application
 * included), read twice {@code --interval} apart so each line shows its trend: growing, draining or
 * steady.
 */
@Command(name = "lag", mixinStandardHelpOptions = true, description = "Prints consumer lag per group, topic and partition, with its trend.")
final class LagCommand implements Callable<Integer> {

  @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}")
  String bootstrapServers;

  @Option(names = "--interval", defaultValue = "PT3S", description = "time between the two readings (ISO-8601, default PT3S)")
  Duration interval;

  @Option(names = "--group", description = "only these groups (default: all)")
  List<String> groups;

  @Option(names = "--nonzero", description = "only partitions with lag or a changing lag")
  boolean nonzero;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, Object> props = new HashMap<>();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    try (Admin admin = Admin.create(props)) {
      ConsumerLagReader reader = new ConsumerLagReader(admin, 10_000);
      List<String> selected;
      try {
        selected = groups == null || groups.isEmpty() ? reader.allGroups() : groups;
      } catch (IllegalStateException e) {
        throw new StackException("Kafka broker unreachable at " + bootstrapServers);
      }
      List<PartitionLag> first = reader.lagOf(selected);
      Thread.sleep(interval.toMillis());
      List<PartitionLag> second = reader.lagOf(selected);
      System.out.print(LagTable.of(first, second, interval, nonzero));
    }
    return 0;
  }
}
