package pe.xofi.chat.conversation.engine.receipt;

import java.time.LocalDate;
import pe.xofi.chat.conversation.engine.Formats;
import pe.xofi.chat.conversation.member.ReceiptInbox.Receipt;

/** The texts of payment receipts. */
public final class ReceiptTexts {

  /** How to send a receipt, answered to "subir boleta". */
  public static final String INSTRUCTIONS =
      """
      Para registrar un pago, envíame una foto o un PDF de tu comprobante con este texto en el mensaje:
      Monto: 500
      Fecha: 2025-01-15

      El archivo puede pesar hasta 10 MB. Si te olvidas del monto o de la fecha, te los pediré.""";

  /** The step that asks for the amount. */
  public static final String ASK_AMOUNT =
      """
      ¿Cuál es el *monto* que pagaste? Escríbelo así: *500* o *S/ 1,250.50*.
      Escribe *cancelar* para descartar el comprobante.""";

  /** The step that asks for the payment date. */
  public static final String ASK_DATE =
      """
      ¿En qué *fecha* hiciste el pago? Escríbela así: *15/01/2025* o *2025-01-15*.
      Escribe *cancelar* para descartar el comprobante.""";

  /** The answer to an amount of zero or less; the amount is asked again. */
  public static final String AMOUNT_NOT_POSITIVE =
      "El monto debe ser mayor que cero, así que aún no registré tu comprobante.\n" + ASK_AMOUNT;

  public static final String AMOUNT_TOO_LARGE =
      "El monto es demasiado alto, así que aún no registré tu comprobante.\n" + ASK_AMOUNT;

  /** The answer to a file over 10 MiB: nothing is registered. */
  public static final String FILE_TOO_LARGE =
      """
      El archivo pesa más de 10 MB y no puedo recibirlo.
      Envía una foto o un PDF más liviano.""";

  /** The answer to a document that is not a PDF: nothing is registered. */
  public static final String WRONG_FILE_TYPE =
      """
      Solo puedo recibir comprobantes en foto o en PDF.
      Envía tu comprobante en uno de esos formatos.""";

  private ReceiptTexts() {}

  /** The answer to a payment date after today; the date is asked again. */
  public static String dateInFuture(LocalDate today) {
    return "La fecha de pago no puede ser posterior a hoy (%s), así que aún no registré tu comprobante.\n"
            .formatted(Formats.date(today))
        + ASK_DATE;
  }

  /** The answer to a payment date before {@code earliest}; the date is asked again. */
  public static String dateTooOld(LocalDate earliest) {
    return "La fecha de pago no puede ser anterior al %s (90 días atrás), así que aún no registré tu comprobante.\n"
            .formatted(Formats.date(earliest))
        + ASK_DATE;
  }

  /** The confirmation with the receipt's number, amount and payment date. */
  public static String registered(Receipt receipt) {
    return """
        Registramos tu comprobante *%s*.
        Monto: %s
        Fecha de pago: %s
        Lo revisaremos y te avisaremos si necesitamos algo más."""
        .formatted(receipt.number(), Formats.soles(receipt.amount()), Formats.date(receipt.paidOn()));
  }
}
