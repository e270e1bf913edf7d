package pe.xofi.chat.conversation.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.CommonErrorHandler;
import pe.xofi.chat.conversation.engine.IntentDetector;
import pe.xofi.chat.conversation.member.postgres.BlockingDatabase;
import pe.xofi.chat.conversation.parser.InboundParser;
import pe.xofi.chat.membercrypto.EnvelopeSealer;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.audit.AuditEvent;
import pe.xofi.chat.staffsecurity.StaffAccessDeniedListener;

/**
 * Operators' features: the transcript and {@code agent_conversation} stores, the API and its audit
 * trail, and the projector that fills them as its own
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

  /**
   * The audit producer: {@code acks=all} and idempotent whatever {@code spring.kafka.producer.*}
   * says, and quick to give up (a view waits for it), so a broker outage answers 503 within
   * {@code xofi.ops.audit.timeout}.
   */
  @Bean
  StaffAudit staffAudit(KafkaProperties kafka, @Value("${xofi.ops.audit.timeout:5s}") Duration timeout) {
    Map<String, Object> settings = kafka.buildProducerProperties();
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    settings.put(ProducerConfig.CLIENT_ID_CONFIG, "conversation-service-audit");
    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Math.min(timeout.toMillis(), 2_000));
    settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() + 1_000);
    settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    DefaultKafkaProducerFactory<String, AuditEvent> producers = new DefaultKafkaProducerFactory<>(
        settings, Topics.AUDIT_EVENTS.keySerde().serializer(), Topics.AUDIT_EVENTS.valueSerde().serializer());
    return new StaffAudit(new KafkaTemplate<>(producers), Clock.systemUTC(), timeout);
  }

  @Bean
  StaffAccessDeniedListener deniedTranscriptAudit(StaffAudit audit) {
    return new DeniedTranscriptAudit(audit);
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "xofi.ops.projector.enabled", matchIfMissing = true)
  ConcurrentMessageListenerContainer<String, byte[]> transcriptProjectorContainer(
      KafkaProperties kafka,
      InboundParser parser,
      IntentDetector intents,
      TranscriptStore store,
      AgentConversationStore conversations,
      EnvelopeSealer sealer,
      @Value("${xofi.ops.projector.group-id:conversation-transcripts}") String groupId) {
    TranscriptProjector projector = new TranscriptProjector(parser, intents, ProjectionWriter.of(store, conversations), sealer);
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
