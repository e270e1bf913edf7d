package pe.xofi.chat.sandbox.inbox;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A person writing as a member: {@code {"from":"51987654321","text":"Hola","name":"María"}}, or
 * sending a file with a caption: {@code {"from":"51987654321","caption":"Monto: 500\nFecha:
 * 2025-01-15","file":{"name":"voucher.png","mimeType":"image/png","base64":"iVBOR..."}}}.
 *
 * @param from    the member's phone digits
 * @param text    what the member writes; ignored when a file is sent
 * @param name    the WhatsApp profile name; optional
 * @param caption the caption of the file; optional
 * @param file    the file the member sends; absent for a text message
 */
public record InboxRequest(String from, String text, String name, String caption, Attachment file) {

  private static final Pattern PHONE = Pattern.compile("[0-9]{9,15}");
  private static final Pattern MIME_TYPE = Pattern.compile("[a-z0-9.+-]+/[a-zA-Z0-9.+-]+");

  /**
   * A file as the phone attached it.
   *
   * @param name     the file name; optional
   * @param mimeType its content type, e.g. {@code image/jpeg} or {@code application/pdf}
   * @param base64   its bytes in standard base64
   */
  public record Attachment(String name, String mimeType, String base64) {

    /** Line breaks, as some encoders wrap base64, are allowed; anything else not base64 is refused. */
    byte[] bytes() {
      return Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
    }
  }

  /** A text message. */
  public static InboxRequest text(String from, String text, String name) {
    return new InboxRequest(from, text, name, null, null);
  }

  /** Whether the member sends a file rather than text. */
  boolean hasFile() {
    return file != null;
  }

  /** What is wrong with this request, if anything. */
  Optional<String> problem() {
    if (from == null || !PHONE.matcher(from).matches()) {
      return Optional.of("from must be 9 to 15 digits");
    }
    if (!hasFile()) {
      return text == null || text.isBlank() ? Optional.of("text is required") : Optional.empty();
    }
    if (file.mimeType() == null || !MIME_TYPE.matcher(file.mimeType()).matches()) {
      return Optional.of("file.mimeType must be a MIME type such as image/jpeg");
    }
    if (file.base64() == null || file.base64().isBlank()) {
      return Optional.of("file.base64 is required");
    }
    try {
      return file.bytes().length == 0 ? Optional.of("file is empty") : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of("file.base64 must be base64");
    }
  }
}
