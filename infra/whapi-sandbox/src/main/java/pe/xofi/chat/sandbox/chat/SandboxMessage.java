package pe.xofi.chat.sandbox.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/**
 * One message the sandbox saw: a send of the bot (outbound) or a member's message turned into a
 * webhook (inbound).
 *
 * @param id        the WHAPI message id
 * @param direction outbound for sends, inbound for webhooks
 * @param chat      the member's phone digits
 * @param to        the {@code to} of a send as the caller wrote it; absent for inbound messages
 * @param type      {@code text} or {@code interactive}
 * @param body      the text a person reads (for interactive messages, {@code body.text})
 * @param timestamp epoch seconds
 * @param request   the full request body of a send, or the webhook message of an inbound one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SandboxMessage(
    String id,
    Direction direction,
    String chat,
    String to,
    String type,
    String body,
    long timestamp,
    JsonNode request) {

  /** The phone digits of a WHAPI {@code to} or chat id, e.g. {@code 51987654321@s.whatsapp.net}. */
  public static String chatOf(String toOrChatId) {
    int at = toOrChatId.indexOf('@');
    String address = at < 0 ? toOrChatId : toOrChatId.substring(0, at);
    return address.replaceAll("[^0-9]", "");
  }
}
