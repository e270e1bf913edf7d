package pe.xofi.chat.conversation.engine;

import pe.xofi.chat.conversation.member.ConversationDirectory.AgentConversation;
import pe.xofi.chat.conversation.message.MessageOrigin;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.conversation.state.PendingForm;
import pe.xofi.chat.conversation.state.PendingForm.CreateTicket;
import pe.xofi.chat.conversation.state.PendingForm.UploadReceipt;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.inbound.Channel;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operators' view of a conversation ({@code agent_conversation}): who is identified and which
 * form is pending, in the seed's {@code context_data} shape; never a DNI or a birth year.
 */
final class ConversationProjection {

  private ConversationProjection() {}

  static AgentConversation of(MessageOrigin origin, ConversationState state) {
    String id = origin.key().id();
    boolean whatsapp = origin.key().channel() == Channel.WHATSAPP;
    return new AgentConversation(
        origin.key().toString(),
        origin.key().channel(),
        whatsapp ? id : null,
        whatsapp ? null : id,
        whatsapp ? null : origin.senderUsername(),
        state.partnerId(),
        state.hasSession(),
        context(state.pendingForm()),
        state.lastActivityAt());
  }

  /** {@code {}} without a form; else the form's kind, step and what was answered so far. */
  static String context(PendingForm form) {
    ObjectNode context = Json.MAPPER.createObjectNode();
    switch (form) {
      case null -> {}
      case CreateTicket ticket -> {
        context.put("pending_action", "create_ticket");
        context.put("step", ticket.step().name().toLowerCase(java.util.Locale.ROOT));
        if (ticket.subject() != null) {
          context.put("ticket_subject", ticket.subject());
        }
      }
      case UploadReceipt receipt -> {
        context.put("pending_action", "upload_receipt");
        context.put("step", receipt.step().name().toLowerCase(java.util.Locale.ROOT));
        if (receipt.amount() != null) {
          context.put("amount", receipt.amount().toPlainString());
        }
        if (receipt.date() != null) {
          context.put("paid_on", receipt.date().toString());
        }
        context.put("media_id", receipt.media().mediaId());
      }
    }
    return Json.MAPPER.writeValueAsString(context);
  }
}
