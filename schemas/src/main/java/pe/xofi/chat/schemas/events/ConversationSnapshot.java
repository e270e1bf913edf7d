package pe.xofi.chat.schemas.events;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A conversation as operators see it after one handled message, the row of {@code agent_conversation}
 * that the transcript projector keeps: who is identified and which form is pending. The channel and
 * its chat identifier are the event's conversation key, the time is the event's {@code at}. Never a
 * DNI or a birth year.
 *
 * @param partnerId        the identified member, null without a session
 * @param authenticated    whether a session is open
 * @param telegramUsername the Telegram sender's public user name when known, else null
 * @param context          the pending form in the seed's {@code context_data} shape ({@code
 *     pending_action}, {@code step}, what was answered so far); empty without a form
 */
public record ConversationSnapshot(
    Long partnerId, boolean authenticated, String telegramUsername, Map<String, String> context) {

  public ConversationSnapshot {
    // sorted, so the same snapshot always serialises to the same bytes
    context = context == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(context));
  }
}
