package pe.xofi.chat.conversation.member.inmemory;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The member ports in memory over {@link DemoMembers}, for tests that start the application without
 * PostgreSQL; imported explicitly, never picked up by component scanning.
 */
@TestConfiguration(proxyBeanMethods = false)
public class InMemoryMemberConfiguration {

  @Bean
  InMemoryPartnerDirectory partnerDirectory() {
    return new InMemoryPartnerDirectory();
  }

  @Bean
  InMemoryIdentificationLedger identificationLedger() {
    return new InMemoryIdentificationLedger();
  }

  @Bean
  InMemoryTicketDesk ticketDesk() {
    return new InMemoryTicketDesk();
  }

  @Bean
  InMemoryReceiptInbox receiptInbox() {
    return new InMemoryReceiptInbox();
  }
}
