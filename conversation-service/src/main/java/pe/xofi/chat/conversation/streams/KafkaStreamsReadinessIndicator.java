package pe.xofi.chat.conversation.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * The service is ready to answer members only while its Kafka Streams client is RUNNING: during a
 * rebalance or a state restore, messages wait. Member of the readiness group
 * ({@code /actuator/health/readiness}); liveness only looks at {@link KafkaStreamsHealthIndicator}.
 */
@Component("kafkaStreamsRunning")
class KafkaStreamsReadinessIndicator implements HealthIndicator {

  private final StreamsBuilderFactoryBean streams;

  KafkaStreamsReadinessIndicator(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
  }

  @Override
  public Health health() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    KafkaStreams.State state = kafkaStreams == null ? null : kafkaStreams.state();
    Health.Builder health = state == KafkaStreams.State.RUNNING ? Health.up() : Health.outOfService();
    return health.withDetail("state", state == null ? "NOT_STARTED" : state.name()).build();
  }
}
