package pe.xofi.chat.localstack;

import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import pe.xofi.chat.schemas.Topic;
import pe.xofi.chat.schemas.Topics;

/** Creates every topic of the registry that the broker lacks, with its partitions, retention and cleanup policy. */
public final class TopicProvisioner {

  private TopicProvisioner() {}

  /** Creates the missing topics of {@link Topics#ALL}; returns the names it created. */
  public static List<String> provision(String bootstrapServers, int partitions, short replicationFactor) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          Topics.ALL.stream()
              .filter(t -> !existing.contains(t.name()))
              .map(t -> newTopic(t, partitions, replicationFactor))
              .toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
      }
      return missing.stream().map(NewTopic::name).toList();
    } catch (ExecutionException | TimeoutException e) {
      throw new StackException("cannot create topics on " + bootstrapServers + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("interrupted while creating topics", e);
    }
  }

  static NewTopic newTopic(Topic<?, ?> topic, int partitions, short replicationFactor) {
    return new NewTopic(topic.name(), partitions, replicationFactor).configs(topic.configs());
  }
}
