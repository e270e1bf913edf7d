package pe.xofi.chat.conversation.engine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the conversation engine; its ports (partners, tickets, receipts) join it here. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

  @Bean
  IntentDetector intentDetector() {
    return new IntentDetector();
  }

  @Bean
  ConversationEngine conversationEngine(IntentDetector intentDetector) {
    return new ConversationEngine(intentDetector);
  }
}
