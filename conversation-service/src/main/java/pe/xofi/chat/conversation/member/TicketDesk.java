package pe.xofi.chat.conversation.member;

/** Opens support tickets, idempotently on the message that completed the ticket form. */
public interface TicketDesk {

  /**
   * Opens a ticket on the channel of {@code source}'s conversation, or returns the one this partner
   * already opened with {@code source} in that conversation, so a re-processed message answers with
   * the same ticket number; another partner's or conversation's ticket is never returned.
   */
  Ticket open(long partnerId, String subject, String description, SourceMessage source);

  /** A support ticket as the member sees it: its number ({@code TK-000001}) and subject. */
  record Ticket(String number, String subject) {}
}
