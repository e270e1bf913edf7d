package pe.xofi.chat.conversation.member.postgres;

import io.r2dbc.spi.Readable;
import pe.xofi.chat.conversation.member.TicketDesk;
import pe.xofi.chat.conversation.member.SourceMessage;
import reactor.core.publisher.Mono;

/**
 * Opens support tickets in {@code support_ticket}, numbered {@code TK-} + the sequence value in at
 * least 6 digits; a message already seen (same partner, conversation and {@code source_message_id})
 * gets its ticket back, and no other row is ever returned.
 */
public final class PostgresTicketDesk implements TicketDesk {

  // nextval only when the message has no ticket yet: a re-processed message burns no number
  private static final String OPEN =
      """
      WITH seq AS (
        SELECT nextval('support_ticket_number_seq') AS n
        WHERE NOT EXISTS (
          SELECT 1 FROM support_ticket
          WHERE partner_id = :partnerId AND conversation_key = :conversationKey AND source_message_id = :sourceMessageId)
      )
      INSERT INTO support_ticket
        (number, partner_id, subject, description, channel, conversation_key, source_message_id)
      SELECT 'TK-' || lpad(n::text, greatest(6, length(n::text)), '0'),
             :partnerId, :subject, :description, :channel, :conversationKey, :sourceMessageId
      FROM seq
      ON CONFLICT (partner_id, conversation_key, source_message_id) DO NOTHING
      RETURNING number, subject
      """;

  private static final String FIND =
      """
      SELECT number, subject FROM support_ticket
      WHERE partner_id = :partnerId AND conversation_key = :conversationKey AND source_message_id = :sourceMessageId
      """;

  private final BlockingDatabase database;

  public PostgresTicketDesk(BlockingDatabase database) {
    this.database = database;
  }

  @Override
  public Ticket open(long partnerId, String subject, String description, SourceMessage source) {
    Mono<Ticket> opened =
        database
            .client()
            .sql(OPEN)
            .bind("partnerId", partnerId)
            .bind("subject", subject)
            .bind("description", description)
            .bind("channel", source.conversation().channel().name())
            .bind("conversationKey", source.conversation().toString())
            .bind("sourceMessageId", source.messageId())
            .map(PostgresTicketDesk::ticket)
            .one();
    Mono<Ticket> existing =
        database
            .client()
            .sql(FIND)
            .bind("partnerId", partnerId)
            .bind("conversationKey", source.conversation().toString())
            .bind("sourceMessageId", source.messageId())
            .map(PostgresTicketDesk::ticket)
            .one();
    return database
        .one("open support ticket", opened.switchIfEmpty(existing))
        .orElseThrow(() -> new IllegalStateException("support ticket neither inserted nor found"));
  }

  private static Ticket ticket(Readable row) {
    return new Ticket(row.get("number", String.class), row.get("subject", String.class));
  }
}
