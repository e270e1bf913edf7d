package pe.xofi.chat.conversation.member.inmemory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pe.xofi.chat.conversation.member.SourceMessage;
import pe.xofi.chat.conversation.member.TicketDesk;
import pe.xofi.chat.schemas.inbound.Channel;

/**
 * {@link TicketDesk} in memory, numbering from {@code TK-000001}, idempotent on the partner and the
 * source message within its conversation, as {@code support_ticket} is.
 */
public final class InMemoryTicketDesk implements TicketDesk {

  /** A ticket as it would be stored. */
  public record OpenedTicket(
      String number, long partnerId, String subject, String description, Channel channel, SourceMessage source) {

    /** The provider's id of the message that completed the form. */
    public String sourceMessageId() {
      return source.messageId();
    }
  }

  private record Scope(long partnerId, SourceMessage source) {}

  private final Map<Scope, OpenedTicket> bySource = new LinkedHashMap<>();

  @Override
  public synchronized Ticket open(long partnerId, String subject, String description, SourceMessage source) {
    OpenedTicket ticket =
        bySource.computeIfAbsent(
            new Scope(partnerId, source),
            scope ->
                new OpenedTicket(
                    "TK-%06d".formatted(bySource.size() + 1),
                    partnerId,
                    subject,
                    description,
                    source.conversation().channel(),
                    source));
    return new Ticket(ticket.number(), ticket.subject());
  }

  /** Every ticket opened, in order. */
  public synchronized List<OpenedTicket> opened() {
    return new ArrayList<>(bySource.values());
  }
}
