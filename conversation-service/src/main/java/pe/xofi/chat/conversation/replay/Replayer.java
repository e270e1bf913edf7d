package pe.xofi.chat.conversation.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import pe.xofi.chat.conversation.engine.ConversationEngine;
import pe.xofi.chat.conversation.engine.Decision;
import pe.xofi.chat.conversation.message.InboundMessage;
import pe.xofi.chat.conversation.message.InboundMessage.ButtonReply;
import pe.xofi.chat.conversation.message.InboundMessage.Media;
import pe.xofi.chat.conversation.message.InboundMessage.Text;
import pe.xofi.chat.conversation.message.InboundMessage.Unsupported;
import pe.xofi.chat.conversation.parser.InboundParser;
import pe.xofi.chat.conversation.replay.ReplyLine.Verdict;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.schemas.events.ConversationEvent;
import pe.xofi.chat.schemas.events.ConversationEventType;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * Runs one conversation's logged messages through the engine again, in log order, from an empty
 * state at the start of the range, with "now" from each envelope (so an unchanged engine over
 * unchanged data gives the same replies), and lines each reply up with the one produced live under
 * the same deterministic id.
 */
public final class Replayer {

  /** The intent label of a provider retry dropped without reply. */
  static final String DUPLICATE = "duplicate";

  private final InboundParser parser;
  private final ConversationEngine engine;
  private final UnaryOperator<String> replyText;

  /**
   * @param engine    an engine over ports that create nothing
   * @param replyText applied to every replayed reply text: the identity, or a what-if text change
   */
  public Replayer(InboundParser parser, ConversationEngine engine, UnaryOperator<String> replyText) {
    this.parser = parser;
    this.engine = engine;
    this.replyText = replyText;
  }

  /**
   * Replays {@code logged}; {@code actual} holds the replies read from {@code outbound-messages},
   * or is null when they are not to be compared.
   */
  public ReplayReport replay(ReplayScope scope, List<LoggedInbound> logged, int unreadable, List<OutboundMessage> actual) {
    Map<String, OutboundMessage> actualById = new LinkedHashMap<>();
    if (actual != null) {
      actual.forEach(reply -> actualById.putIfAbsent(reply.id(), reply));
    }
    List<ReplayedMessage> messages = new ArrayList<>();
    ConversationState state = null;
    for (LoggedInbound record : logged) {
      InboundMessage message = parser.parse(scope.conversationKey(), record.envelope());
      if (state == null) {
        state = ConversationState.start(message.origin().channel());
      }
      Instant now =
          Objects.requireNonNullElseGet(record.envelope().receivedAt(), () -> Instant.ofEpochMilli(record.timestamp()));
      Decision decision = engine.decide(state, message, now);
      String intent = intent(decision);
      // a dropped provider retry shares its id with the first copy, whose replies were already lined up
      boolean comparing = actual != null && !DUPLICATE.equals(intent);
      List<ReplyLine> lines = compare(decision.replies(), message.origin().messageId(), actualById, comparing);
      messages.add(
          new ReplayedMessage(
              record.offset(),
              message.origin().messageId(),
              now,
              said(message),
              intent,
              StateSummary.of(state),
              StateSummary.of(decision.state()),
              lines));
      state = decision.state();
    }
    int replies = (int) messages.stream().flatMap(m -> m.replies().stream()).filter(l -> l.replayed() != null).count();
    int differences =
        (int) messages.stream().flatMap(m -> m.replies().stream()).filter(l -> l.verdict().isDifference()).count();
    return new ReplayReport(
        scope.conversationKey(),
        scope.topic(),
        scope.partition(),
        scope.from(),
        scope.to(),
        actual != null,
        messages,
        unreadable,
        replies,
        differences);
  }

  private List<ReplyLine> compare(
      List<OutboundMessage> replayed, String inboundId, Map<String, OutboundMessage> actualById, boolean comparing) {
    List<ReplyLine> lines = new ArrayList<>();
    for (OutboundMessage reply : replayed) {
      String text = replyText.apply(reply.content().fallbackText());
      if (!comparing) {
        lines.add(new ReplyLine(reply.id(), text, null, Verdict.NOT_COMPARED));
        continue;
      }
      OutboundMessage live = actualById.get(reply.id());
      String actualText = live == null ? null : live.content().fallbackText();
      Verdict verdict = live == null ? Verdict.MISSING : text.equals(actualText) ? Verdict.SAME : Verdict.CHANGED;
      lines.add(new ReplyLine(reply.id(), text, actualText, verdict));
    }
    if (comparing) {
      // live replies beyond the replayed ones: ids n+1, n+2, … of the same inbound message
      for (int n = replayed.size() + 1; actualById.containsKey(OutboundMessage.replyId(inboundId, n)); n++) {
        OutboundMessage live = actualById.get(OutboundMessage.replyId(inboundId, n));
        lines.add(new ReplyLine(live.id(), null, live.content().fallbackText(), Verdict.EXTRA));
      }
    }
    return lines;
  }

  private static String intent(Decision decision) {
    return decision.events().stream()
        .filter(event -> event.type() == ConversationEventType.MESSAGE_HANDLED)
        .map(ConversationEvent::intent)
        .findFirst()
        .orElse(DUPLICATE);
  }

  /** What the member sent, as a transcript line. */
  public static String said(InboundMessage message) {
    return switch (message) {
      case Text text -> text.body();
      case ButtonReply button -> "[button " + button.id() + "] " + Objects.requireNonNullElse(button.title(), "");
      case Media media ->
          "[" + media.mimeType() + "] " + Objects.requireNonNullElse(media.caption(), "");
      case Unsupported unsupported -> "[" + unsupported.type() + "]";
    };
  }
}
