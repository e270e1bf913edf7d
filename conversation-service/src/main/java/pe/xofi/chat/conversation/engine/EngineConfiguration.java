package pe.xofi.chat.conversation.engine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pe.xofi.chat.conversation.member.PartnerDirectory;
import pe.xofi.chat.conversation.member.ReceiptInbox;
import pe.xofi.chat.conversation.member.TicketDesk;

/** Declares the conversation engine over the member ports, which the member adapters provide. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

  @Bean
  IntentDetector intentDetector() {
    return new IntentDetector();
  }

  @Bean
  ConversationEngine conversationEngine(
      IntentDetector intentDetector,
      PartnerDirectory partners,
      TicketDesk desk,
      ReceiptInbox inbox) {
    return new ConversationEngine(intentDetector, partners, desk, inbox);
  }
}
