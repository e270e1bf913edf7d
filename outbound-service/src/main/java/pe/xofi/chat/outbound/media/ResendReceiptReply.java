package pe.xofi.chat.outbound.media;

import java.time.Instant;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.media.MediaDownload;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * The reply asking a member to send a receipt's file again once it could not be stored; its id
 * {@code <receipt number>#media-failed} is deterministic, so a repeated failure is the same reply.
 */
public final class ResendReceiptReply {

  /** The text, with {@code %s} for the receipt number. */
  public static final String TEXT = "No pudimos recibir el archivo de tu comprobante *%s*. "
      + "Por favor, envíalo de nuevo con el monto y la fecha en el texto.";

  private ResendReceiptReply() {}

  public static String idOf(String receiptId) {
    return receiptId + "#media-failed";
  }

  /** The reply to the member of {@code download}'s conversation, decided at {@code now}. */
  public static OutboundMessage of(MediaDownload download, Instant now) {
    ConversationKey key = ConversationKey.parse(download.conversationKey());
    return new OutboundMessage(idOf(download.receiptId()), key.channel(), download.provider(), key.toString(),
        key.id(), new OutboundContent.Text(TEXT.formatted(download.receiptId())), null, now);
  }
}
