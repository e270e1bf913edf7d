package pe.xofi.chat.conversation.parser;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pe.xofi.chat.conversation.message.InboundMessage;
import pe.xofi.chat.conversation.message.InboundMessage.Unsupported;
import pe.xofi.chat.conversation.message.MessageOrigin;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.InputLimits;
import pe.xofi.chat.schemas.inbound.Provider;

/**
 * Turns an envelope into an {@link InboundMessage} with the parser of its provider; a raw JSON no
 * parser can read becomes {@code Unsupported}, so a member's message never stops the stream; every
 * field is held to its limit before the engine reads it ({@link BoundedFields}, docs/INPUT-LIMITS.md)
 * and text the database cannot store (NUL) is removed ({@link StorableText}).
 */
public final class InboundParser {

  private static final Logger log = LoggerFactory.getLogger(InboundParser.class);

  private final Map<Provider, ProviderMessageParser> parsers = new EnumMap<>(Provider.class);

  public InboundParser(List<ProviderMessageParser> parsers) {
    parsers.forEach(parser -> this.parsers.put(parser.provider(), parser));
  }

  /**
   * The message of {@code envelope}, which arrived under record key {@code recordKey}.
   *
   * @throws IllegalArgumentException when the envelope lacks its routing facts (key, id, provider):
   *     without them there is no one to answer
   */
  public InboundMessage parse(String recordKey, InboundEnvelope envelope) {
    ConversationKey key = ConversationKey.parse(recordKey);
    if (envelope.messageId() == null || envelope.provider() == null) {
      throw new IllegalArgumentException("an inbound envelope needs a message id and a provider");
    }
    Channel channel = envelope.channel() != null ? envelope.channel() : key.channel();
    // an id over its cap becomes its digest here already, so no answer below carries the long one
    MessageOrigin origin =
        new MessageOrigin(InputLimits.messageId(envelope.messageId()), key, channel, envelope.provider());
    ProviderMessageParser parser = parsers.get(envelope.provider());
    if (parser == null) {
      return new Unsupported(origin, Unsupported.NO_PARSER);
    }
    try {
      return StorableText.of(BoundedFields.of(parser.parse(origin, envelope.raw())));
    } catch (RuntimeException e) {
      // a parser bug must cost one message, not the partition; the raw event stays for a replay
      log.warn(
          "parser {} failed on message {} of {}: {}",
          envelope.provider(),
          origin.messageId(),
          key.masked(),
          e.getClass().getName());
      return new Unsupported(origin, Unsupported.MALFORMED);
    }
  }
}
