package pe.xofi.chat.conversation.member;

import pe.xofi.chat.schemas.inbound.Channel;

/** Opens support tickets, idempotently on the message that completed the ticket form. */
public interface TicketDesk {

  /**
   * Opens a ticket, or returns the one already opened for {@code sourceMessageId}, so a re-processed
   * message answers with the same ticket number.
   */
  Ticket open(long partnerId, String subject, String description, Channel channel, String sourceMessageId);

  /** A support ticket as the member sees it: its number ({@code TK-000001}) and subject. */
  record Ticket(String number, String subject) {}
}
