package pe.xofi.chat.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A single-node KRaft Kafka broker run as its own process from the Kafka server jars, with its
 * data under the run folder so topics and offsets survive a restart of the stack.
 */
public final class KafkaBroker {

  private KafkaBroker() {}

  /** Formats the storage on first use, starts the broker and waits until it answers. */
  public static ManagedProcess start(StackConfig config) {
    Path dir = config.runDir().resolve("kafka");
    Path data = dir.resolve("data");
    Path properties = dir.resolve("server.properties");
    Path log4j = dir.resolve("log4j2.xml");
    try {
      Files.createDirectories(dir);
      writeProperties(config, data, properties);
      try (InputStream in = KafkaBroker.class.getResourceAsStream("/kafka-log4j2.xml")) {
        Files.copy(in, log4j, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new StackException("cannot write the broker configuration under " + dir, e);
    }
    Path log = config.runDir().resolve("logs/kafka.log");
    String classpath = config.libDir().resolve("*").toString();
    List<String> jvm =
        List.of(ManagedProcess.java(), "-Xms256m", "-Xmx768m", "-Dlog4j2.configurationFile=" + log4j, "-cp", classpath);
    if (!Files.exists(data.resolve("meta.properties"))) {
      format(config, jvm, properties, log);
    }
    ManagedProcess broker =
        ManagedProcess.start(
            "kafka", concat(jvm, List.of("kafka.Kafka", properties.toString())), Map.of(), config.projectDir(), log);
    broker.awaitReady(() -> answers(config.bootstrapServers()), Duration.ofSeconds(60));
    return broker;
  }

  private static void format(StackConfig config, List<String> jvm, Path properties, Path log) {
    List<String> command =
        concat(
            jvm,
            List.of(
                "kafka.tools.StorageTool",
                "format",
                "-t",
                UUID.randomUUID().toString().substring(0, 22),
                "-c",
                properties.toString()));
    ManagedProcess formatter = ManagedProcess.start("kafka-storage-format", command, Map.of(), config.projectDir(), log);
    formatter.awaitSuccess(Duration.ofSeconds(60));
  }

  private static void writeProperties(StackConfig config, Path data, Path file) throws IOException {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + config.controllerPort());
    p.setProperty(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + config.kafkaPort() + ",CONTROLLER://127.0.0.1:" + config.controllerPort());
    p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + config.kafkaPort());
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("log.dirs", data.toString());
    // a single node: every internal topic has one replica
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("num.partitions", "12");
    p.setProperty("auto.create.topics.enable", "false");
    // consumers of a freshly started stack should not wait 3 s for the first rebalance
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    try (var out = Files.newBufferedWriter(file)) {
      p.store(out, "written by local-stack for this run; edit StackConfig instead");
    }
  }

  /** True when a broker answers at {@code bootstrapServers}. */
  public static boolean answers(String bootstrapServers) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
    try (Admin admin = Admin.create(props)) {
      return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
    } catch (Exception e) {
      return false;
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
