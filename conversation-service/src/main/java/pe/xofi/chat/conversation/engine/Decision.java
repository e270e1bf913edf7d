package pe.xofi.chat.conversation.engine;

import java.util.List;
import pe.xofi.chat.conversation.engine.auth.AuthAlert;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.schemas.events.ConversationEvent;
import pe.xofi.chat.schemas.media.MediaDownload;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * What the engine decided for one message: the conversation's next state, the replies to send, the
 * audit facts to record and the media files to download, which commit together or not at all, and
 * the identification alerts to count and log once they have.
 */
public record Decision(
    ConversationState state,
    List<OutboundMessage> replies,
    List<ConversationEvent> events,
    List<MediaDownload> downloads,
    List<AuthAlert> alerts) {

  public Decision {
    replies = List.copyOf(replies);
    events = List.copyOf(events);
    downloads = List.copyOf(downloads);
    alerts = List.copyOf(alerts);
  }

  /** A decision without alerts. */
  public Decision(
      ConversationState state, List<OutboundMessage> replies, List<ConversationEvent> events, List<MediaDownload> downloads) {
    this(state, replies, events, downloads, List.of());
  }

  /** A decision that downloads nothing and raises no alert. */
  public Decision(ConversationState state, List<OutboundMessage> replies, List<ConversationEvent> events) {
    this(state, replies, events, List.of(), List.of());
  }

  /**
   * This decision with {@code micros} as the handling time of its events; the engine leaves it at 0
   * because a measured time would make it depend on the wall clock.
   */
  public Decision withHandlingMicros(long micros) {
    List<ConversationEvent> timed = events.stream().map(event -> event.withHandlingMicros(micros)).toList();
    return new Decision(state, replies, timed, downloads, alerts);
  }
}
