package pe.xofi.chat.kafkalag;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Registers {@link ConsumerLagMeters} in every service that has Kafka and a meter registry: the
 * groups are {@code xofi.kafka-lag.groups} when set, else the service's own group ids (Kafka Streams
 * application id, spring-kafka consumer group, the outbound media group, the transcript projector).
 */
@AutoConfiguration(
    after = KafkaAutoConfiguration.class,
    afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({Admin.class, MeterRegistry.class})
@ConditionalOnBooleanProperty(name = "xofi.kafka-lag.enabled", matchIfMissing = true)
public class KafkaLagAutoConfiguration {

  /** Properties whose values are this service's consumer groups. */
  static final List<String> GROUP_PROPERTIES =
      List.of(
          "spring.kafka.streams.application-id",
          "spring.kafka.consumer.group-id",
          "xofi.outbound.media.group-id",
          "xofi.ops.projector.group-id");

  @Bean
  @ConditionalOnBean({MeterRegistry.class, KafkaProperties.class})
  ConsumerLagMeters consumerLagMeters(KafkaProperties kafka, MeterRegistry registry, Environment environment) {
    Map<String, Object> admin = kafka.buildAdminProperties();
    admin.put(AdminClientConfig.CLIENT_ID_CONFIG, environment.getProperty("spring.application.name", "xofi") + "-lag");
    Duration interval = environment.getProperty("xofi.kafka-lag.interval", Duration.class, Duration.ofSeconds(10));
    return new ConsumerLagMeters(admin, groups(environment), interval, registry);
  }

  static List<String> groups(Environment environment) {
    String configured = environment.getProperty("xofi.kafka-lag.groups");
    if (configured != null && !configured.isBlank()) {
      return Arrays.stream(configured.split(",")).map(String::trim).filter(g -> !g.isEmpty()).toList();
    }
    List<String> groups = new ArrayList<>();
    for (String property : GROUP_PROPERTIES) {
      String group = environment.getProperty(property);
      if (group != null && !group.isBlank() && !groups.contains(group)) {
        groups.add(group);
      }
    }
    return groups;
  }
}
