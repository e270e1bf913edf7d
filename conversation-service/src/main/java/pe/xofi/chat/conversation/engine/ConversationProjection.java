package pe.xofi.chat.conversation.engine;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import pe.xofi.chat.conversation.message.MessageOrigin;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.conversation.state.PendingForm;
import pe.xofi.chat.conversation.state.PendingForm.CreateTicket;
import pe.xofi.chat.conversation.state.PendingForm.UploadReceipt;
import pe.xofi.chat.schemas.events.ConversationSnapshot;
import pe.xofi.chat.schemas.inbound.Channel;

/**
 * The operators' view of a conversation after a message ({@code agent_conversation}, written by the
 * transcript projector from the {@code MESSAGE_HANDLED} event): who is identified and which form is
 * pending, in the seed's {@code context_data} shape; never a DNI or a birth year.
 */
final class ConversationProjection {

  private ConversationProjection() {}

  static ConversationSnapshot of(MessageOrigin origin, ConversationState state) {
    boolean whatsapp = origin.key().channel() == Channel.WHATSAPP;
    return new ConversationSnapshot(
        state.partnerId(), state.hasSession(), whatsapp ? null : origin.senderUsername(), context(state.pendingForm()));
  }

  /** Empty without a form; else the form's kind, step and what was answered so far. */
  static Map<String, String> context(PendingForm form) {
    Map<String, String> context = new LinkedHashMap<>();
    switch (form) {
      case null -> {}
      case CreateTicket ticket -> {
        context.put("pending_action", "create_ticket");
        context.put("step", ticket.step().name().toLowerCase(Locale.ROOT));
        if (ticket.subject() != null) {
          context.put("ticket_subject", ticket.subject());
        }
      }
      case UploadReceipt receipt -> {
        context.put("pending_action", "upload_receipt");
        context.put("step", receipt.step().name().toLowerCase(Locale.ROOT));
        if (receipt.amount() != null) {
          context.put("amount", receipt.amount().toPlainString());
        }
        if (receipt.date() != null) {
          context.put("paid_on", receipt.date().toString());
        }
        context.put("media_id", receipt.media().mediaId());
      }
    }
    return context;
  }
}
