package pe.xofi.chat.conversation.replay;

import java.time.Instant;
import java.util.Locale;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.conversation.state.PendingForm;
import pe.xofi.chat.conversation.state.PendingForm.CreateTicket;
import pe.xofi.chat.conversation.state.PendingForm.UploadReceipt;

/**
 * What an operator needs of a conversation's state: the session, the identification failures and
 * lock, and the pending form with its step; never a DNI or birth year (the state holds none).
 *
 * @param partnerId          the identified member's id, null without a session
 * @param authenticatedAt    when the session started, null without a session
 * @param failedAuthAttempts recent failed identifications
 * @param lockedUntil        identification refused until then, null when not locked
 * @param form               the pending form and step ({@code create_ticket/DESCRIPTION}), null when none
 */
public record StateSummary(
    Long partnerId, Instant authenticatedAt, int failedAuthAttempts, Instant lockedUntil, String form) {

  /** The summary of {@code state}. */
  public static StateSummary of(ConversationState state) {
    return new StateSummary(
        state.partnerId(),
        state.authenticatedAt(),
        state.failedAuthAttempts().size(),
        state.lockedUntil(),
        form(state.pendingForm()));
  }

  private static String form(PendingForm form) {
    return switch (form) {
      case null -> null;
      case CreateTicket ticket -> "create_ticket/" + ticket.step();
      case UploadReceipt receipt -> "upload_receipt/" + receipt.step();
    };
  }

  /** One line for the transcript: {@code partner 1 since 15:20:00Z, form create_ticket/DESCRIPTION}. */
  public String describe() {
    StringBuilder line = new StringBuilder();
    line.append(partnerId == null ? "not identified" : "partner " + partnerId + " since " + authenticatedAt);
    if (failedAuthAttempts > 0) {
      line.append(", ").append(failedAuthAttempts).append(" failed identification(s)");
    }
    if (lockedUntil != null) {
      line.append(", locked until ").append(lockedUntil);
    }
    line.append(form == null ? ", no form" : ", form " + form.toLowerCase(Locale.ROOT));
    return line.toString();
  }
}
