package pe.xofi.chat.conversation.engine.ticket;

import java.util.Map;
import pe.xofi.chat.conversation.engine.Turn;
import pe.xofi.chat.conversation.member.Partner;
import pe.xofi.chat.conversation.member.TicketDesk;
import pe.xofi.chat.conversation.member.TicketDesk.Ticket;
import pe.xofi.chat.conversation.state.PendingForm.CreateTicket;
import pe.xofi.chat.conversation.state.PendingForm.TicketStep;
import pe.xofi.chat.schemas.events.ConversationEventType;
import pe.xofi.chat.schemas.privacy.CredentialMask;

/**
 * The support ticket form: the subject, then the description, then the ticket is opened with the
 * message that completed the form as its source, so a re-processed message finds the same ticket.
 */
public final class TicketHandler {

  /** The longest subject a ticket holds ({@code support_ticket.subject}). */
  public static final int MAX_SUBJECT_LENGTH = 200;

  private final TicketDesk desk;

  public TicketHandler(TicketDesk desk) {
    this.desk = desk;
  }

  /** Starts the form on "crear ticket". */
  public void start(Turn turn) {
    turn.update(turn.state().withForm(CreateTicket.start()));
    turn.say(TicketTexts.ASK_SUBJECT);
  }

  /** Takes {@code text} as the answer to the form's current step. */
  public void answer(Turn turn, Partner partner, CreateTicket form, String text) {
    String answer = text.strip();
    if (form.step() == TicketStep.SUBJECT) {
      if (answer.length() > MAX_SUBJECT_LENGTH) {
        turn.say(TicketTexts.SUBJECT_TOO_LONG);
        return;
      }
      // the form masks a DNI and birth year in the subject, and the echo says what the form kept
      CreateTicket next = new CreateTicket(TicketStep.DESCRIPTION, answer);
      turn.update(turn.state().withForm(next));
      turn.say(TicketTexts.askDescription(next.subject()));
      return;
    }
    // the ticket is read by staff and kept: a DNI and birth year typed into it are not (the subject was masked in the form)
    Ticket ticket = desk.open(partner.id(), form.subject(), CredentialMask.mask(answer), turn.source());
    turn.update(turn.state().withForm(null));
    turn.say(TicketTexts.created(ticket.number(), ticket.subject()));
    turn.record(ConversationEventType.TICKET_CREATED, Map.of("ticket", ticket.number()));
  }
}
