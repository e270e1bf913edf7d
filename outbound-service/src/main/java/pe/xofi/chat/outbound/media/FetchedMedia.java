package pe.xofi.chat.outbound.media;

/**
 * A file as the provider served it.
 *
 * @param bytes    the file
 * @param mimeType the content type of the provider's answer, else the one the webhook announced
 */
public record FetchedMedia(byte[] bytes, String mimeType) {}
