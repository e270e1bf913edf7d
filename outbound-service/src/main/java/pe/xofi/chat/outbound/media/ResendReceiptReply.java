package pe.xofi.chat.outbound.media;

import java.time.Instant;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.media.MediaDownload;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * The reply asking a member to send a receipt's file again once it could not be stored, saying why
 * when the member can do something about it (a file too large, or not a photo or PDF); its id
 * {@code <receipt number>#media-failed} is deterministic, so a repeated failure is the same reply.
 */
public final class ResendReceiptReply {

  /** The text, with {@code %s} for the receipt number. */
  public static final String TEXT = "No pudimos recibir el archivo de tu comprobante *%s*. "
      + "Por favor, envíalo de nuevo con el monto y la fecha en el texto.";

  /** The text for a file over the limit, with {@code %s} for the receipt number and the limit. */
  public static final String TOO_LARGE_TEXT = "No pudimos recibir el archivo de tu comprobante *%s* porque pesa "
      + "más de %s. Por favor, envía una foto o un PDF más liviano con el monto y la fecha en el texto.";

  /** The text for a file that is not a JPEG, PNG, WebP or PDF, with {@code %s} for the receipt number. */
  public static final String UNSUPPORTED_TEXT = "No pudimos recibir el archivo de tu comprobante *%s* porque no es "
      + "una foto ni un PDF. Aceptamos fotos JPG, PNG o WebP y archivos PDF: envíalo de nuevo en uno de esos "
      + "formatos con el monto y la fecha en el texto.";

  private ResendReceiptReply() {}

  public static String idOf(String receiptId) {
    return receiptId + "#media-failed";
  }

  /** The reply to the member of {@code download}'s conversation, decided at {@code now}. */
  public static OutboundMessage of(MediaDownload download, Instant now) {
    return reply(download, TEXT.formatted(download.receiptId()), now);
  }

  /**
   * The reply after a last attempt that ended with {@code outcome}: a file over {@code maxBytes} or
   * of another type is named as such, any other failure gets {@link #TEXT}.
   */
  public static OutboundMessage of(MediaDownload download, MediaOutcome outcome, int maxBytes, Instant now) {
    return switch (outcome) {
      case TOO_LARGE -> reply(download, TOO_LARGE_TEXT.formatted(download.receiptId(), size(maxBytes)), now);
      case UNSUPPORTED_TYPE -> reply(download, UNSUPPORTED_TEXT.formatted(download.receiptId()), now);
      default -> of(download, now);
    };
  }

  /** {@code 10 MB}, {@code 4 KB} or {@code 1500 bytes}: the limit as a member reads it. */
  static String size(int bytes) {
    if (bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
  }

  private static OutboundMessage reply(MediaDownload download, String text, Instant now) {
    ConversationKey key = ConversationKey.parse(download.conversationKey());
    return new OutboundMessage(idOf(download.receiptId()), key.channel(), download.provider(), key.toString(),
        key.id(), new OutboundContent.Text(text), null, now);
  }
}
