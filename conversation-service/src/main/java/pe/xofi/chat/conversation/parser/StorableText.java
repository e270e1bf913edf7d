package pe.xofi.chat.conversation.parser;

import pe.xofi.chat.conversation.message.InboundMessage;
import pe.xofi.chat.conversation.message.InboundMessage.ButtonReply;
import pe.xofi.chat.conversation.message.InboundMessage.Media;
import pe.xofi.chat.conversation.message.InboundMessage.Text;
import pe.xofi.chat.conversation.message.InboundMessage.Unsupported;
import pe.xofi.chat.conversation.message.MessageOrigin;

/**
 * Removes the NUL character (U+0000) from every string a member or a provider controls: PostgreSQL
 * {@code text} and {@code jsonb} cannot hold it, so a ticket subject, a file name or a user name with
 * one would be refused by the database on every attempt and the message could never be answered.
 */
final class StorableText {

  private static final char NUL = '\u0000';

  private StorableText() {}

  /** {@code message} with NUL removed from its ids, texts, caption, file name and user name. */
  static InboundMessage of(InboundMessage message) {
    MessageOrigin origin = origin(message.origin());
    return switch (message) {
      case Text text -> new Text(origin, clean(text.body()));
      case Media media ->
          new Media(origin, media.kind(), clean(media.mediaId()), clean(media.mimeType()), clean(media.caption()),
              clean(media.link()), media.sizeBytes(), clean(media.fileName()));
      case ButtonReply reply -> new ButtonReply(origin, clean(reply.id()), clean(reply.title()));
      case Unsupported unsupported -> new Unsupported(origin, clean(unsupported.type()));
    };
  }

  static String clean(String text) {
    return text == null || text.indexOf(NUL) < 0 ? text : text.replace(String.valueOf(NUL), "");
  }

  private static MessageOrigin origin(MessageOrigin origin) {
    return new MessageOrigin(
        clean(origin.messageId()), origin.key(), origin.channel(), origin.provider(), clean(origin.senderUsername()));
  }
}
