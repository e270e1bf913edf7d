package pe.xofi.chat.conversation.parser;

import static pe.xofi.chat.schemas.inbound.InputLimits.cut;

import pe.xofi.chat.conversation.message.InboundMessage;
import pe.xofi.chat.conversation.message.InboundMessage.ButtonReply;
import pe.xofi.chat.conversation.message.InboundMessage.Media;
import pe.xofi.chat.conversation.message.InboundMessage.Text;
import pe.xofi.chat.conversation.message.InboundMessage.Unsupported;
import pe.xofi.chat.conversation.message.MessageOrigin;
import pe.xofi.chat.schemas.inbound.InputLimits;

/**
 * Holds every field of a parsed message to {@link InputLimits} before the engine sees it: texts,
 * captions, titles and names are cut, a message id over its cap becomes its digest, a link over its
 * cap is dropped (the file is then fetched by its media id) and a media id over its cap makes the
 * message malformed, since a cut id names no file. The ingress already refuses or cuts these; this is
 * the defence for records it published before it did.
 */
final class BoundedFields {

  private BoundedFields() {}

  /** {@code message} with every field within its limit. */
  static InboundMessage of(InboundMessage message) {
    MessageOrigin origin = origin(message.origin());
    return switch (message) {
      case Text text -> new Text(origin, cut(text.body(), InputLimits.TEXT));
      case Media media when media.mediaId() != null && media.mediaId().length() > InputLimits.ID ->
          new Unsupported(origin, Unsupported.MALFORMED);
      case Media media ->
          new Media(origin, media.kind(), media.mediaId(), cut(media.mimeType(), InputLimits.MIME_TYPE),
              cut(media.caption(), InputLimits.CAPTION), link(media.link()), media.sizeBytes(),
              cut(media.fileName(), InputLimits.NAME));
      case ButtonReply reply ->
          new ButtonReply(origin, cut(reply.id(), InputLimits.ID), cut(reply.title(), InputLimits.NAME));
      case Unsupported unsupported -> new Unsupported(origin, cut(unsupported.type(), InputLimits.NAME));
    };
  }

  private static String link(String link) {
    return link == null || link.length() > InputLimits.LINK ? null : link;
  }

  private static MessageOrigin origin(MessageOrigin origin) {
    return new MessageOrigin(InputLimits.messageId(origin.messageId()), origin.key(), origin.channel(),
        origin.provider(), cut(origin.senderUsername(), InputLimits.NAME));
  }
}
