package pe.xofi.chat.conversation.parser;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pe.xofi.chat.conversation.parser.whapi.WhapiMessageParser;

/** Declares the provider parsers; a provider without one has its messages answered as unsupported. */
@Configuration(proxyBeanMethods = false)
class ParserConfiguration {

  @Bean
  WhapiMessageParser whapiMessageParser() {
    return new WhapiMessageParser();
  }

  @Bean
  InboundParser inboundParser(List<ProviderMessageParser> parsers) {
    return new InboundParser(parsers);
  }
}
