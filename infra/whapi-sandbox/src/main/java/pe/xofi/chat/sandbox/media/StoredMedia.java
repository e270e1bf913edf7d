package pe.xofi.chat.sandbox.media;

/**
 * A file a member sent, as WHAPI keeps it for {@code GET /media/{MediaID}}.
 *
 * @param id       the WHAPI media id, e.g. {@code png-3f2a...}
 * @param mimeType the content type the file is served with
 * @param fileName the name the member's phone gave the file; may be null
 * @param bytes    the file
 * @param sha256   lowercase hex SHA-256 of {@code bytes}
 */
public record StoredMedia(String id, String mimeType, String fileName, byte[] bytes, String sha256) {

  /** Whether WHAPI delivers this file as an {@code image} message rather than a {@code document}. */
  public boolean isImage() {
    return mimeType.startsWith("image/");
  }

  public long size() {
    return bytes.length;
  }

  /**
   * The id Meta's Graph API knows this file by: digits, as every Graph object id (the outbound
   * service refuses any other Meta media id), taken from the first 15 hex digits of {@link #id()}.
   */
  public String metaId() {
    String hex = id.substring(id.lastIndexOf('-') + 1);
    return Long.toString(Long.parseLong(hex.substring(0, Math.min(15, hex.length())), 16));
  }
}
