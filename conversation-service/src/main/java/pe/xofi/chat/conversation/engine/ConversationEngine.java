package pe.xofi.chat.conversation.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pe.xofi.chat.conversation.message.InboundMessage;
import pe.xofi.chat.conversation.message.InboundMessage.ButtonReply;
import pe.xofi.chat.conversation.message.InboundMessage.Media;
import pe.xofi.chat.conversation.message.InboundMessage.Text;
import pe.xofi.chat.conversation.message.InboundMessage.Unsupported;
import pe.xofi.chat.conversation.message.MessageOrigin;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.schemas.events.ConversationEvent;
import pe.xofi.chat.schemas.events.ConversationEventType;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * The conversation engine: a pure function of the conversation's state, the member's message and
 * the message's received-at, so replaying the same events gives the same replies. A message id the
 * conversation handled recently is a provider retry and gets no reply.
 */
public final class ConversationEngine {

  /** Provider message types that are noise rather than something a member said to the bot. */
  private static final Set<String> SILENT_TYPES =
      Set.of(Unsupported.OWN_ECHO, "action", "system", "revoked");

  private final IntentDetector intents;

  public ConversationEngine(IntentDetector intents) {
    this.intents = intents;
  }

  /** Decides how to answer {@code message} in a conversation in {@code state}, at {@code now}. */
  public Decision decide(ConversationState state, InboundMessage message, Instant now) {
    MessageOrigin origin = message.origin();
    if (state.hasHandled(origin.messageId())) {
      return new Decision(
          state, List.of(), List.of(event(origin, ConversationEventType.DUPLICATE_DROPPED, null, now, Map.of())));
    }
    Intent intent = intentOf(message);
    List<OutboundMessage> replies = replies(origin, textsFor(intent), now);
    ConversationEvent handled =
        event(
            origin,
            ConversationEventType.MESSAGE_HANDLED,
            intent.label(),
            now,
            Map.of("replies", Integer.toString(replies.size())));
    return new Decision(state.afterHandling(origin.messageId(), now), replies, List.of(handled));
  }

  private Intent intentOf(InboundMessage message) {
    return switch (message) {
      case Text text -> intents.detect(text.body());
      case ButtonReply button -> {
        // the bot's own choice ids are command words; a title is the fallback for foreign ids
        Intent byId = intents.detect(button.id());
        yield byId != Intent.UNKNOWN ? byId : intents.detect(button.title());
      }
      // receipts arrive as media once the receipt flow exists; until then media is unsupported
      case Media media -> Intent.UNSUPPORTED;
      case Unsupported unsupported ->
          SILENT_TYPES.contains(unsupported.type()) ? Intent.IGNORED : Intent.UNSUPPORTED;
    };
  }

  private static List<String> textsFor(Intent intent) {
    return switch (intent) {
      case GREETING -> List.of(BotTexts.WELCOME);
      case HELP -> List.of(BotTexts.HELP);
      case FAREWELL -> List.of(BotTexts.FAREWELL);
      case UNKNOWN -> List.of(BotTexts.FALLBACK);
      case UNSUPPORTED -> List.of(BotTexts.UNSUPPORTED);
      case IGNORED -> List.of();
    };
  }

  private static List<OutboundMessage> replies(MessageOrigin origin, List<String> texts, Instant now) {
    List<OutboundMessage> replies = new ArrayList<>(texts.size());
    for (String text : texts) {
      replies.add(
          new OutboundMessage(
              OutboundMessage.replyId(origin.messageId(), replies.size() + 1),
              origin.channel(),
              origin.provider(),
              origin.key().toString(),
              origin.key().id(),
              new OutboundContent.Text(text),
              origin.messageId(),
              now));
    }
    return replies;
  }

  private static ConversationEvent event(
      MessageOrigin origin,
      ConversationEventType type,
      String intent,
      Instant now,
      Map<String, String> attributes) {
    return new ConversationEvent(
        origin.messageId() + "/" + type.name(),
        origin.key().toString(),
        type,
        origin.messageId(),
        intent,
        now,
        0,
        attributes);
  }
}
