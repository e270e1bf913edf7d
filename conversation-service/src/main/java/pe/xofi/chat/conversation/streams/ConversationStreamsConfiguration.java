package pe.xofi.chat.conversation.streams;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import pe.xofi.chat.conversation.engine.ConversationEngine;
import pe.xofi.chat.conversation.metrics.ConversationMetrics;
import pe.xofi.chat.conversation.parser.InboundParser;
import pe.xofi.chat.membercrypto.EnvelopeSealer;

/**
 * Runs the conversation topology on spring-kafka's {@code StreamsBuilderFactoryBean}, which Boot
 * configures from {@code spring.kafka.streams.*} and instruments with Micrometer.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class ConversationStreamsConfiguration {

  @Bean
  ConversationMetrics conversationMetrics(MeterRegistry registry) {
    return new ConversationMetrics(registry);
  }

  /** Guaranteed settings win over configuration: exactly-once is not a tuning knob. */
  @Bean
  StreamsBuilderFactoryBeanConfigurer conversationStreamsSettings(ConversationMetrics metrics) {
    return factoryBean -> {
      Properties props = factoryBean.getStreamsConfiguration();
      ConversationStreamsSettings.apply(props, metrics);
      factoryBean.setStreamsConfiguration(props);
      factoryBean.setStreamsUncaughtExceptionHandler(new ReplaceThreadOnFailure());
    };
  }

  @Bean
  ConversationTopology conversationTopology(
      StreamsBuilder streamsBuilder,
      InboundParser parser,
      ConversationEngine engine,
      ConversationMetrics metrics,
      EnvelopeSealer sealer) {
    ConversationTopology topology = new ConversationTopology(
            parser, engine, metrics, System::nanoTime, ConversationTopology.defaultMemberDataBackOff(), sealer);
    topology.addTo(streamsBuilder);
    return topology;
  }
}
