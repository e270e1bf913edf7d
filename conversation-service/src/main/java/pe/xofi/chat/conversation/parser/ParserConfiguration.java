package pe.xofi.chat.conversation.parser;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pe.xofi.chat.conversation.parser.meta.MetaMessageParser;
import pe.xofi.chat.conversation.parser.telegram.TelegramMessageParser;
import pe.xofi.chat.conversation.parser.whapi.WhapiMessageParser;

/** Declares the provider parsers; a provider without one has its messages answered as unsupported. */
@Configuration(proxyBeanMethods = false)
class ParserConfiguration {

  @Bean
  WhapiMessageParser whapiMessageParser() {
    return new WhapiMessageParser();
  }

  @Bean
  MetaMessageParser metaMessageParser() {
    return new MetaMessageParser();
  }

  @Bean
  TelegramMessageParser telegramMessageParser() {
    return new TelegramMessageParser();
  }

  @Bean
  InboundParser inboundParser(List<ProviderMessageParser> parsers) {
    return new InboundParser(parsers);
  }
}
