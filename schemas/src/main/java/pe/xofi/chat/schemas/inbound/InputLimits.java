package pe.xofi.chat.schemas.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The longest fields of a member's message, the same for the ingress that publishes it and the
 * engine that reads it: text is cut to the provider's own limit before any pattern reads it, and a
 * message id over its cap is replaced by its SHA-256, so a message costs bounded time and a
 * conversation's state stays far below Kafka's 1 MB record limit even for a record an older ingress
 * published uncapped (docs/INPUT-LIMITS.md has the sources).
 */
public final class InputLimits {

  /** Longest text body: WhatsApp Cloud API {@code text.body} and Telegram {@code text}, 4,096. */
  public static final int TEXT = 4_096;

  /** Longest media caption: WhatsApp and Telegram, 1,024 characters. */
  public static final int CAPTION = 1_024;

  /** Longest message id (ours; WHAPI and Meta ids are well under 100 characters). */
  public static final int MESSAGE_ID = 128;

  /** Longest media id or button id (ours; Meta button ids are at most 256 characters). */
  public static final int ID = 256;

  /** Longest display name, user name, file name or button title (ours). */
  public static final int NAME = 256;

  /** Longest media link (ours; the common URL length browsers and CDNs accept). */
  public static final int LINK = 2_048;

  /** Longest MIME type: type and subtype names of at most 127 characters each (RFC 6838 4.2). */
  public static final int MIME_TYPE = 255;

  private static final String DIGEST_PREFIX = "sha256:";

  private InputLimits() {}

  /** {@code text} cut to at most {@code max} characters, never between the halves of a surrogate pair. */
  public static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }

  /**
   * {@code id} itself when within {@link #MESSAGE_ID}, else {@code sha256:<hex>} of it: the same long
   * id always maps to the same short one, so dedupe, reply ids and idempotency keys keep working.
   */
  public static String messageId(String id) {
    if (id == null || id.length() <= MESSAGE_ID) {
      return id;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return DIGEST_PREFIX + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }
}
