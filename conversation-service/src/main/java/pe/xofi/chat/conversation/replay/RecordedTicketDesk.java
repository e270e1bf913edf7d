package pe.xofi.chat.conversation.replay;

import pe.xofi.chat.conversation.member.SourceMessage;
import pe.xofi.chat.conversation.member.TicketDesk;
import pe.xofi.chat.conversation.member.postgres.BlockingDatabase;

/**
 * The ticket desk of a replay: opens nothing; answers with the ticket the live run opened for the
 * same partner and source message in the same conversation, so an unchanged engine repeats the
 * same reply, or with {@value #NOT_OPENED} when the live run opened none.
 */
final class RecordedTicketDesk implements TicketDesk {

  /** The number a replay shows for a ticket the live run never opened. */
  static final String NOT_OPENED = "TK-REPLAY";

  private static final String FIND =
      """
      SELECT number, subject FROM support_ticket
      WHERE partner_id = :partnerId AND conversation_key = :conversationKey AND source_message_id = :id
      """;

  private final BlockingDatabase database;

  RecordedTicketDesk(BlockingDatabase database) {
    this.database = database;
  }

  @Override
  public Ticket open(long partnerId, String subject, String description, SourceMessage source) {
    return database
        .one(
            "find support ticket",
            database.client().sql(FIND)
                .bind("partnerId", partnerId)
                .bind("conversationKey", source.conversation().toString())
                .bind("id", source.messageId())
                .map(row -> new Ticket(row.get("number", String.class), row.get("subject", String.class)))
                .one())
        .orElseGet(() -> new Ticket(NOT_OPENED, subject));
  }
}
