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
import org.springframework.kafka.listener.MessageListener;
import pe.xofi.chat.conversation.engine.IntentDetector;
import pe.xofi.chat.conversation.member.postgres.BlockingDatabase;
import pe.xofi.chat.conversation.parser.InboundParser;
import pe.xofi.chat.schemas.Topics;

/**
 * Operators' features: the transcript store and API, and the projector that fills it as its own
 * consumer group ({@code xofi.ops.projector.group-id}) reading committed records only.
 */
@Configuration(proxyBeanMethods = false)
class OpsConfiguration {

  @Bean
  TranscriptStore transcriptStore(BlockingDatabase database) {
    return new TranscriptStore(database);
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "xofi.ops.projector.enabled", matchIfMissing = true)
  ConcurrentMessageListenerContainer<String, byte[]> transcriptProjectorContainer(
      KafkaProperties kafka,
      InboundParser parser,
      IntentDetector intents,
      TranscriptStore store,
      @Value("${xofi.ops.projector.group-id:conversation-transcripts}") String groupId) {
    Map<String, Object> props = kafka.buildConsumerProperties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    DefaultKafkaConsumerFactory<String, byte[]> consumers =
        new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    ContainerProperties container =
        new ContainerProperties(
            Topics.INBOUND_MESSAGES.name(), Topics.OUTBOUND_MESSAGES.name(), Topics.CONVERSATION_EVENTS.name());
    TranscriptProjector projector = new TranscriptProjector(parser, intents, store);
    container.setMessageListener((MessageListener<String, byte[]>) projector::project);
    ConcurrentMessageListenerContainer<String, byte[]> listener = new ConcurrentMessageListenerContainer<>(consumers, container);
    listener.setCommonErrorHandler(ProjectorErrorHandling.errorHandler(kafka, groupId, Clock.systemUTC()));
    listener.setBeanName("transcript-projector");
    return listener;
  }
}
