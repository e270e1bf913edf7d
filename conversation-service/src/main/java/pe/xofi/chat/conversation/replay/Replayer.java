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
import pe.xofi.chat.membercrypto.EnvelopeSealer;
import pe.xofi.chat.membercrypto.Unsealed;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.outbound.OutboundContent;

/**
 * Runs one conversation's logged messages through the engine again, in log order, from an empty
 * state at the start of the range, with "now" from each envelope (so an unchanged engine over
 * unchanged data gives the same replies), and lines each reply up with the one produced live under
 * the same deterministic id. Sealed records are opened with {@code XOFI_DATA_KEYSET} (an authorised
 * operator); without it they show {@value #SEALED}, and a forgotten member's show {@value #FORGOTTEN}.
 */
public final class Replayer {

  /** The intent label of a provider retry dropped without reply. */
  static final String DUPLICATE = "duplicate";

  /** What a sealed record shows to a replay without the key set. */
  public static final String SEALED = "[cifrado]";

  /** What a record of a forgotten member shows. */
  public static final String FORGOTTEN = "[olvidado]";

  private final InboundParser parser;
  private final ConversationEngine engine;
  private final UnaryOperator<String> replyText;
  private final EnvelopeSealer sealer;

  /**
   * @param engine    an engine over ports that create nothing
   * @param replyText applied to every replayed reply text: the identity, or a what-if text change
   * @param sealer    opens sealed records ({@link EnvelopeSealer#clear()} when the operator has no key set)
   */
  public Replayer(InboundParser parser, ConversationEngine engine, UnaryOperator<String> replyText, EnvelopeSealer sealer) {
    this.parser = parser;
    this.engine = engine;
    this.replyText = replyText;
    this.sealer = sealer;
  }

  public Replayer(InboundParser parser, ConversationEngine engine, UnaryOperator<String> replyText) {
    this(parser, engine, replyText, EnvelopeSealer.clear());
  }

  /**
   * Replays {@code logged}; {@code actual} holds the replies read from {@code outbound-messages},
   * or is null when they are not to be compared.
   */
  public ReplayReport replay(ReplayScope scope, List<LoggedInbound> logged, int unreadable, List<OutboundMessage> actual) {
    Map<String, OutboundMessage> actualById = new LinkedHashMap<>();
    if (actual != null) {
      actual.forEach(reply -> actualById.putIfAbsent(reply.id(), shown(reply)));
    }
    List<ReplayedMessage> messages = new ArrayList<>();
    ConversationState state = null;
    for (LoggedInbound record : logged) {
      Instant now =
          Objects.requireNonNullElseGet(record.envelope().receivedAt(), () -> Instant.ofEpochMilli(record.timestamp()));
      InboundEnvelope envelope;
      switch (sealer.open(record.envelope())) {
        case Unsealed.Readable<InboundEnvelope> readable -> envelope = readable.value();
        case Unsealed.Forgotten<InboundEnvelope> forgotten -> {
          state = Objects.requireNonNullElseGet(state, () -> ConversationState.start(channel(scope, record)));
          messages.add(unopened(record, now, FORGOTTEN, "forgotten", state));
          continue;
        }
        case Unsealed.Locked<InboundEnvelope> locked -> {
          state = Objects.requireNonNullElseGet(state, () -> ConversationState.start(channel(scope, record)));
          messages.add(unopened(record, now, SEALED, "sealed", state));
          continue;
        }
      }
      InboundMessage message = parser.parse(scope.conversationKey(), envelope);
      if (state == null) {
        state = ConversationState.start(message.origin().channel());
      }
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

  // the engine cannot read what it cannot open: the line says so and the conversation stays as it was
  private static ReplayedMessage unopened(LoggedInbound record, Instant now, String said, String intent, ConversationState state) {
    return new ReplayedMessage(record.offset(), record.envelope().messageId(), now, said, intent,
        StateSummary.of(state), StateSummary.of(state), List.of());
  }

  private static Channel channel(ReplayScope scope, LoggedInbound record) {
    return record.envelope().channel() != null
        ? record.envelope().channel()
        : ConversationKey.parse(scope.conversationKey()).channel();
  }

  /** A live reply as the operator may see it: opened, or its content replaced by what hides it. */
  private OutboundMessage shown(OutboundMessage reply) {
    return switch (sealer.open(reply)) {
      case Unsealed.Readable<OutboundMessage> readable -> readable.value();
      case Unsealed.Forgotten<OutboundMessage> forgotten -> withText(reply, FORGOTTEN);
      case Unsealed.Locked<OutboundMessage> locked -> withText(reply, SEALED);
    };
  }

  private static OutboundMessage withText(OutboundMessage reply, String text) {
    return new OutboundMessage(reply.id(), reply.channel(), reply.provider(), reply.conversationKey(), reply.recipient(),
        new OutboundContent.Text(text), reply.inReplyTo(), reply.createdAt());
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
