package pe.xofi.chat.conversation.state;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import pe.xofi.chat.conversation.member.ReceiptInbox.MediaFile;
import pe.xofi.chat.schemas.inbound.InputLimits;
import pe.xofi.chat.schemas.privacy.CredentialMask;

/**
 * A multi-step form the member is filling in; it lives in the conversation state, so it survives a
 * restart of the service. Written to the store with its kind in {@code form}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "form")
@JsonSubTypes({
  @JsonSubTypes.Type(value = PendingForm.CreateTicket.class, name = "create_ticket"),
  @JsonSubTypes.Type(value = PendingForm.UploadReceipt.class, name = "upload_receipt")
})
public sealed interface PendingForm {

  /** A support ticket: the subject first, then the description. */
  record CreateTicket(TicketStep step, String subject) implements PendingForm {

    // the ticket handler takes at most 200 characters; the cut bounds state written by older code.
    // The state and its changelog hold no credentials: a DNI and its birth year typed as subject are masked
    public CreateTicket {
      subject = CredentialMask.mask(InputLimits.cut(subject, InputLimits.TEXT));
    }

    /** The form right after "crear ticket". */
    public static CreateTicket start() {
      return new CreateTicket(TicketStep.SUBJECT, null);
    }
  }

  /** The step of a ticket form: what the member's next text is. */
  enum TicketStep {
    SUBJECT,
    DESCRIPTION
  }

  /**
   * A payment receipt whose file arrived without the amount or the date in its caption.
   *
   * @param step   what the member's next text is
   * @param amount the amount, once known
   * @param date   the payment date, once known
   * @param media  the file sent, registered once the form is complete
   */
  record UploadReceipt(ReceiptStep step, BigDecimal amount, LocalDate date, MediaFile media)
      implements PendingForm {

    // the parser bounds every field of a new file; this bounds state written before it did
    public UploadReceipt {
      if (media != null) {
        media = new MediaFile(media.provider(), InputLimits.cut(media.mediaId(), InputLimits.ID),
            media.link() == null || media.link().length() > InputLimits.LINK ? null : media.link(),
            InputLimits.cut(media.mimeType(), InputLimits.MIME_TYPE), media.sizeBytes(),
            InputLimits.cut(media.fileName(), InputLimits.NAME));
      }
    }
  }

  /** The step of a receipt form. */
  enum ReceiptStep {
    AMOUNT,
    DATE
  }
}
