package pe.xofi.chat.conversation.message;

/**
 * A member's message normalised from any provider's raw JSON, so the engine never reads a
 * provider format.
 */
public sealed interface InboundMessage {

  /** Where the message came from and where its replies go. */
  MessageOrigin origin();

  /** A text message. */
  record Text(MessageOrigin origin, String body) implements InboundMessage {}

  /**
   * An image or document, read as a payment receipt.
   *
   * @param sizeBytes the file size the provider reported ({@code file_size}), null when unknown
   * @param fileName  the document's file name, null for images or when unknown
   */
  record Media(
      MessageOrigin origin,
      MediaKind kind,
      String mediaId,
      String mimeType,
      String caption,
      String link,
      Long sizeBytes,
      String fileName)
      implements InboundMessage {

    /** A media message whose provider reported neither size nor file name. */
    public Media(
        MessageOrigin origin, MediaKind kind, String mediaId, String mimeType, String caption, String link) {
      this(origin, kind, mediaId, mimeType, caption, link, null, null);
    }
  }

  /** A tap on a button or list row the bot sent; {@code id} is the id the bot gave the choice. */
  record ButtonReply(MessageOrigin origin, String id, String title) implements InboundMessage {}

  /**
   * Anything the engine does not read: other message types, the bot's own echoes, malformed raw
   * JSON.
   *
   * @param type the provider's message type, or one of the constants below
   */
  record Unsupported(MessageOrigin origin, String type) implements InboundMessage {

    /** The raw JSON lacked what its type promised, or was not a message at all. */
    public static final String MALFORMED = "malformed";

    /** A message the bot itself sent, echoed back by the provider. */
    public static final String OWN_ECHO = "own_echo";

    /** The provider has no parser yet. */
    public static final String NO_PARSER = "no_parser";
  }

  /** The kinds of media a member can send as a receipt. */
  enum MediaKind {
    IMAGE,
    DOCUMENT
  }
}
