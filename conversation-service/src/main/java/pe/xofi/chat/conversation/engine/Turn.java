package pe.xofi.chat.conversation.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pe.xofi.chat.conversation.engine.auth.AuthAlert;
import pe.xofi.chat.conversation.member.ReceiptInbox.MediaFile;
import pe.xofi.chat.conversation.member.SourceMessage;
import pe.xofi.chat.conversation.message.MessageOrigin;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.schemas.events.ConversationEvent;
import pe.xofi.chat.schemas.events.ConversationEventType;
import pe.xofi.chat.schemas.events.ConversationSnapshot;
import pe.xofi.chat.schemas.media.MediaDownload;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * The engine's handling of one message while it is decided: the handlers read the state and the
 * message's "now", replace the state with new records, and add replies, audit facts and downloads.
 * Its {@code MESSAGE_HANDLED} fact carries the operators' view of the conversation after the message.
 * It lives only inside one call of {@link ConversationEngine#decide}.
 */
public final class Turn {

  private final MessageOrigin origin;
  private final Instant now;
  private ConversationState state;
  private final List<OutboundContent> contents = new ArrayList<>();
  private final List<Fact> facts = new ArrayList<>();
  private final List<MediaDownload> downloads = new ArrayList<>();
  private final List<AuthAlert> alerts = new ArrayList<>();

  Turn(MessageOrigin origin, ConversationState state, Instant now) {
    this.origin = origin;
    this.state = state;
    this.now = now;
  }

  public MessageOrigin origin() {
    return origin;
  }

  /** The message as the source of a ticket or receipt: its id within its conversation. */
  public SourceMessage source() {
    return new SourceMessage(origin.key(), origin.messageId());
  }

  /** The message's received-at, the engine's only clock. */
  public Instant now() {
    return now;
  }

  /** Today's date in Lima at {@link #now()}. */
  public LocalDate today() {
    return Formats.limaDate(now);
  }

  public ConversationState state() {
    return state;
  }

  /** Replaces the conversation's state with {@code next}. */
  public void update(ConversationState next) {
    state = next;
  }

  /** Adds a text reply. */
  public void say(String text) {
    contents.add(new OutboundContent.Text(text));
  }

  /** Adds a reply, interactive or not; outbound sends its fallback text where buttons are off. */
  public void say(OutboundContent content) {
    contents.add(content);
  }

  /** Records an audit fact of this message; {@code attributes} never hold personal data. */
  public void record(ConversationEventType type, Map<String, String> attributes) {
    facts.add(new Fact(type, attributes));
  }

  /** Reports an identification pattern operators should see; it changes no reply. */
  public void alert(AuthAlert alert) {
    alerts.add(alert);
  }

  /** Asks the outbound service to download {@code file}, the file of receipt {@code receiptNumber}. */
  public void download(String receiptNumber, MediaFile file) {
    downloads.add(
        new MediaDownload(
            receiptNumber,
            origin.key().toString(),
            file.provider(),
            file.mediaId(),
            file.link(),
            file.mimeType(),
            now));
  }

  /** The decision of this turn, after handling the message as {@code intent}. */
  Decision decision(Intent intent) {
    List<OutboundMessage> replies = new ArrayList<>(contents.size());
    for (OutboundContent content : contents) {
      replies.add(
          new OutboundMessage(
              OutboundMessage.replyId(origin.messageId(), replies.size() + 1),
              origin.channel(),
              origin.provider(),
              origin.key().toString(),
              origin.key().id(),
              content,
              origin.messageId(),
              now));
    }
    List<ConversationEvent> events = new ArrayList<>();
    for (Fact fact : facts) {
      events.add(event(origin, fact.type(), intent, now, fact.attributes()));
    }
    // only what a member wrote keeps a session alive: a forged "system" notice must not
    ConversationState after =
        intent == Intent.IGNORED ? state.afterIgnoring(origin.messageId()) : state.afterHandling(origin.messageId(), now);
    // an ignored message (an echo, a system notice) leaves the operators' view as it was
    ConversationSnapshot snapshot = intent == Intent.IGNORED ? null : ConversationProjection.of(origin, after);
    events.add(
        event(origin, ConversationEventType.MESSAGE_HANDLED, intent, now, Map.of("replies", Integer.toString(replies.size())))
            .withSnapshot(snapshot));
    return new Decision(after, replies, events, downloads, alerts);
  }

  /** The audit fact {@code type} of the message of {@code origin}, with a deterministic id. */
  static ConversationEvent event(
      MessageOrigin origin, ConversationEventType type, Intent intent, Instant at, Map<String, String> attributes) {
    return new ConversationEvent(
        origin.messageId() + "/" + type.name(),
        origin.key().toString(),
        type,
        origin.messageId(),
        intent == null ? null : intent.label(),
        at,
        0,
        attributes);
  }

  private record Fact(ConversationEventType type, Map<String, String> attributes) {}
}
