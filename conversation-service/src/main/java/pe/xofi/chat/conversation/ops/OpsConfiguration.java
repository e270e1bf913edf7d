package pe.xofi.chat.conversation.ops;

import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.CommonErrorHandler;
import pe.xofi.chat.conversation.engine.IntentDetector;
import pe.xofi.chat.conversation.member.postgres.BlockingDatabase;
import pe.xofi.chat.conversation.parser.InboundParser;
import pe.xofi.chat.schemas.Topics;

/**
 * Operators' features: the transcript and {@code agent_conversation} stores, the API, and the
 * projector that fills them as its own
 * consumer group ({@code xofi.ops.projector.group-id}) reading committed records only, up to {@link
 * #BATCH_SIZE} per poll and one write per poll.
 */
@Configuration(proxyBeanMethods = false)
class OpsConfiguration {

  /** Records per poll, and so at most the rows of one statement. */
  static final int BATCH_SIZE = 500;

  @Bean
  TranscriptStore transcriptStore(BlockingDatabase database) {
    return new TranscriptStore(database);
  }

  @Bean
  AgentConversationStore agentConversationStore(BlockingDatabase database) {
    return new AgentConversationStore(database);
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "xofi.ops.projector.enabled", matchIfMissing = true)
  ConcurrentMessageListenerContainer<String, byte[]> transcriptProjectorContainer(
      KafkaProperties kafka,
      InboundParser parser,
      IntentDetector intents,
      TranscriptStore store,
      AgentConversationStore conversations,
      @Value("${xofi.ops.projector.group-id:conversation-transcripts}") String groupId) {
    TranscriptProjector projector = new TranscriptProjector(parser, intents, ProjectionWriter.of(store, conversations));
    return projectorContainer(
        kafka, groupId, projector, ProjectorErrorHandling.errorHandler(kafka, groupId, Clock.systemUTC(), ProjectorErrorHandling.OUTAGE_RETRY));
  }

  /** The projector's container: group {@code groupId}, committed records only, from the earliest, batches of {@link #BATCH_SIZE}. */
  static ConcurrentMessageListenerContainer<String, byte[]> projectorContainer(
      KafkaProperties kafka, String groupId, TranscriptProjector projector, CommonErrorHandler errorHandler) {
    Map<String, Object> props = kafka.buildConsumerProperties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH_SIZE);
    DefaultKafkaConsumerFactory<String, byte[]> consumers =
        new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    ContainerProperties container =
        new ContainerProperties(
            Topics.INBOUND_MESSAGES.name(), Topics.OUTBOUND_MESSAGES.name(), Topics.CONVERSATION_EVENTS.name());
    container.setMessageListener((BatchMessageListener<String, byte[]>) projector::project);
    ConcurrentMessageListenerContainer<String, byte[]> listener = new ConcurrentMessageListenerContainer<>(consumers, container);
    listener.setCommonErrorHandler(errorHandler);
    listener.setBeanName("transcript-projector");
    return listener;
  }
}
