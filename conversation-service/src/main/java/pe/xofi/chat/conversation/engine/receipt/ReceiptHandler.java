package pe.xofi.chat.conversation.engine.receipt;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import pe.xofi.chat.conversation.engine.Turn;
import pe.xofi.chat.conversation.member.Partner;
import pe.xofi.chat.conversation.member.ReceiptInbox;
import pe.xofi.chat.conversation.member.ReceiptInbox.MediaFile;
import pe.xofi.chat.conversation.member.ReceiptInbox.Receipt;
import pe.xofi.chat.conversation.message.InboundMessage.Media;
import pe.xofi.chat.conversation.message.InboundMessage.MediaKind;
import pe.xofi.chat.conversation.state.PendingForm.ReceiptStep;
import pe.xofi.chat.conversation.state.PendingForm.UploadReceipt;
import pe.xofi.chat.schemas.events.ConversationEventType;

/**
 * Payment receipts: an image or PDF of at most 10 MiB with an amount above zero and a payment date
 * between 90 days ago and today (Lima) is registered and its file queued for download; what the
 * caption lacks is asked step by step, keeping the file in the form.
 */
public final class ReceiptHandler {

  /** The largest file accepted, 10 MiB. */
  public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

  /** How old a payment date may be, in days before today. */
  public static final int MAX_AGE_DAYS = 90;

  /**
   * The largest amount a receipt holds ({@code payment_receipt.amount NUMERIC(14, 2)}): a larger one
   * would be refused by the database on every attempt, so it is asked again instead.
   */
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

  private final ReceiptInbox inbox;

  public ReceiptHandler(ReceiptInbox inbox) {
    this.inbox = inbox;
  }

  /** Explains how to send a receipt. */
  public void instructions(Turn turn) {
    turn.say(ReceiptTexts.INSTRUCTIONS);
  }

  /** Takes a file as a receipt, reading the amount and the date from its caption. */
  public void receive(Turn turn, Partner partner, Media media) {
    if (!isImageOrPdf(media)) {
      turn.say(ReceiptTexts.WRONG_FILE_TYPE);
      return;
    }
    if (media.sizeBytes() != null && media.sizeBytes() > MAX_FILE_BYTES) {
      turn.say(ReceiptTexts.FILE_TOO_LARGE);
      return;
    }
    MediaFile file =
        new MediaFile(
            media.origin().provider(),
            media.mediaId(),
            media.link(),
            media.mimeType(),
            media.sizeBytes(),
            media.fileName());
    complete(
        turn,
        partner,
        ReceiptCaption.labelledAmount(media.caption()).orElse(null),
        ReceiptCaption.labelledDate(media.caption()).orElse(null),
        file);
  }

  /** Takes {@code text} as the answer to the form's current step. */
  public void answer(Turn turn, Partner partner, UploadReceipt form, String text) {
    if (form.step() == ReceiptStep.AMOUNT) {
      BigDecimal amount = ReceiptCaption.answeredAmount(text).orElse(null);
      if (amount == null) {
        turn.say(ReceiptTexts.ASK_AMOUNT);
        return;
      }
      complete(turn, partner, amount, form.date(), form.media());
    } else {
      LocalDate date = ReceiptCaption.answeredDate(text).orElse(null);
      if (date == null) {
        turn.say(ReceiptTexts.ASK_DATE);
        return;
      }
      complete(turn, partner, form.amount(), date, form.media());
    }
  }

  /** Registers the receipt when amount and date are valid, else asks for the first that is not. */
  private void complete(Turn turn, Partner partner, BigDecimal amount, LocalDate date, MediaFile file) {
    LocalDate today = turn.today();
    LocalDate earliest = today.minusDays(MAX_AGE_DAYS);
    if (amount == null || amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0) {
      turn.update(turn.state().withForm(new UploadReceipt(ReceiptStep.AMOUNT, null, date, file)));
      turn.say(
          amount == null
              ? ReceiptTexts.ASK_AMOUNT
              : amount.signum() <= 0 ? ReceiptTexts.AMOUNT_NOT_POSITIVE : ReceiptTexts.AMOUNT_TOO_LARGE);
      return;
    }
    if (date == null || date.isAfter(today) || date.isBefore(earliest)) {
      turn.update(turn.state().withForm(new UploadReceipt(ReceiptStep.DATE, amount, null, file)));
      if (date == null) {
        turn.say(ReceiptTexts.ASK_DATE);
      } else if (date.isAfter(today)) {
        turn.say(ReceiptTexts.dateInFuture(today));
      } else {
        turn.say(ReceiptTexts.dateTooOld(earliest));
      }
      return;
    }
    Receipt receipt = inbox.register(partner.id(), amount, date, file, turn.source());
    turn.update(turn.state().withForm(null));
    turn.say(ReceiptTexts.registered(receipt));
    turn.record(ConversationEventType.RECEIPT_REGISTERED, Map.of("receipt", receipt.number()));
    turn.download(receipt.number(), file);
  }

  private static boolean isImageOrPdf(Media media) {
    String mime = media.mimeType() == null ? "" : media.mimeType().toLowerCase(Locale.ROOT);
    if (media.kind() == MediaKind.IMAGE) {
      return mime.isEmpty() || mime.startsWith("image/");
    }
    String name = media.fileName() == null ? "" : media.fileName().toLowerCase(Locale.ROOT);
    return mime.equals("application/pdf") || (mime.isEmpty() && name.endsWith(".pdf"));
  }
}
