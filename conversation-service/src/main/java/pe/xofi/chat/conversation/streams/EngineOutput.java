package pe.xofi.chat.conversation.streams;

import pe.xofi.chat.schemas.events.ConversationEvent;
import pe.xofi.chat.schemas.media.MediaDownload;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * One record the engine's processor emits: a reply to send, an audit fact, a file to download, or an
 * inbound record it gave up on.
 */
sealed interface EngineOutput {

  /** A reply, bound for the outbound topic. */
  record Reply(OutboundMessage message) implements EngineOutput {}

  /** An audit fact, bound for the conversation-events topic. */
  record Audit(ConversationEvent event) implements EngineOutput {}

  /** A receipt's file to fetch from the provider, bound for the media-downloads topic. */
  record Download(MediaDownload download) implements EngineOutput {}

  /** An inbound record that could not be read or handled, as it arrived, bound for its DLT. */
  record DeadLetter(byte[] key, byte[] value) implements EngineOutput {}
}
