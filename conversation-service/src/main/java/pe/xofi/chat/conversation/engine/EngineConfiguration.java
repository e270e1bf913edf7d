package pe.xofi.chat.conversation.engine;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pe.xofi.chat.conversation.engine.auth.AuthPolicy;
import pe.xofi.chat.conversation.member.IdentificationLedger;
import pe.xofi.chat.conversation.member.PartnerDirectory;
import pe.xofi.chat.conversation.member.ReceiptInbox;
import pe.xofi.chat.conversation.member.TicketDesk;

/** Declares the conversation engine over the member ports, which the member adapters provide. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class EngineConfiguration {

  @Bean
  IntentDetector intentDetector() {
    return new IntentDetector();
  }

  @Bean
  AuthPolicy authPolicy(AuthProperties properties) {
    return properties.policy();
  }

  @Bean
  ConversationEngine conversationEngine(
      IntentDetector intentDetector,
      PartnerDirectory partners,
      IdentificationLedger identifications,
      AuthPolicy authPolicy,
      TicketDesk desk,
      ReceiptInbox inbox) {
    return new ConversationEngine(intentDetector, partners, identifications, authPolicy, desk, inbox);
  }
}
