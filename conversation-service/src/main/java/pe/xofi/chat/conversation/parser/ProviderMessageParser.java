package pe.xofi.chat.conversation.parser;

import pe.xofi.chat.conversation.message.InboundMessage;
import pe.xofi.chat.conversation.message.MessageOrigin;
import pe.xofi.chat.schemas.inbound.Provider;
import tools.jackson.databind.JsonNode;

/** Reads one provider's raw message JSON; a parser never throws, it answers {@code Unsupported}. */
public interface ProviderMessageParser {

  /** The provider whose format this parser reads. */
  Provider provider();

  /** The normalised form of {@code raw}, a message that arrived from {@code origin}. */
  InboundMessage parse(MessageOrigin origin, JsonNode raw);
}
