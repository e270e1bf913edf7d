package pe.xofi.chat.sandbox.fault;

import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pe.xofi.chat.sandbox.whapi.WhapiError;
import tools.jackson.databind.JsonNode;

/** Until fault knobs exist, every valid send is accepted. */
@Configuration(proxyBeanMethods = false)
class NoSendFaults {

  @Bean
  @ConditionalOnMissingBean
  SendFaults sendFaults() {
    return (type, request) -> Optional.<WhapiError>empty();
  }
}
