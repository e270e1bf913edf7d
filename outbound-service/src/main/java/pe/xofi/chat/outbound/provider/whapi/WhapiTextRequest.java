package pe.xofi.chat.outbound.provider.whapi;

import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * WHAPI's {@code POST /messages/text} body. Every content is sent as its fallback text until
 * interactive sending exists.
 *
 * @param to   the recipient's phone digits or chat id
 * @param body the text, WhatsApp formatting included
 */
public record WhapiTextRequest(String to, String body) {

  public static WhapiTextRequest of(OutboundMessage message) {
    return new WhapiTextRequest(message.recipient(), message.content().fallbackText());
  }
}
