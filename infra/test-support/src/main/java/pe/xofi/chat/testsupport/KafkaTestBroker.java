package pe.xofi.chat.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import pe.xofi.chat.schemas.Topic;

/**
 * One real Kafka broker per test JVM, chosen in this order: {@code KAFKA_BOOTSTRAP_SERVERS} when
 * set, a Testcontainers broker when a Docker engine answers, else an embedded single-node KRaft
 * broker. Tests share it and isolate themselves with unique topic names or consumer groups.
 */
public final class KafkaTestBroker {

  /** Image for the Testcontainers broker: the same Kafka version as the clients. */
  static final String KAFKA_IMAGE = "apache/kafka-native:4.1.2";

  private static volatile String bootstrapServers;
  private static volatile String kind;

  private KafkaTestBroker() {}

  /** Bootstrap servers of the shared broker, starting it on first use. */
  public static synchronized String bootstrapServers() {
    if (bootstrapServers == null) {
      start();
    }
    return bootstrapServers;
  }

  /** Which broker the tests run on: {@code env}, {@code testcontainers} or {@code embedded}. */
  public static synchronized String kind() {
    bootstrapServers();
    return kind;
  }

  private static void start() {
    String fromEnv = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
    if (fromEnv != null && !fromEnv.isBlank()) {
      bootstrapServers = fromEnv;
      kind = "env";
      return;
    }
    if (dockerAvailable()) {
      KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
      container.start();
      Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "kafka-test-broker-stop"));
      bootstrapServers = container.getBootstrapServers();
      kind = "testcontainers";
      return;
    }
    EmbeddedKafkaBroker broker =
        new EmbeddedKafkaKraftBroker(1, 1)
            .brokerProperties(
                Map.of(
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    "offsets.topic.replication.factor", "1",
                    "group.initial.rebalance.delay.ms", "0",
                    "auto.create.topics.enable", "false"));
    broker.afterPropertiesSet();
    Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-test-broker-stop"));
    bootstrapServers = broker.getBrokersAsString();
    kind = "embedded";
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** Creates the given topics (ignoring those that exist) with {@code partitions} partitions each. */
  public static void createTopics(int partitions, List<String> names) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      for (String name : names) {
        try {
          admin
              .createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
              .all()
              .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("cannot create topic " + name, e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("broker did not create topics within 30 s", e);
    }
  }

  /** Creates the given registry topics (ignoring those that exist), as provisioning does. */
  public static void createRegistryTopics(int partitions, List<? extends Topic<?, ?>> topics) {
    createTopics(partitions, topics.stream().map(Topic::name).toList());
  }

  /** A name unique to one test, for topics or consumer groups. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** How long tests wait for asynchronous results on the shared broker. */
  public static Duration patience() {
    return Duration.ofSeconds(30);
  }
}
