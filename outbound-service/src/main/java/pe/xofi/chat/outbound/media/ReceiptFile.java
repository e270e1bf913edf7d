package pe.xofi.chat.outbound.media;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A receipt's file as {@code receipt_file} keeps it: the bytes, their lowercase hex SHA-256 and size.
 *
 * @param bytes    the file
 * @param sha256   64 lowercase hex characters
 * @param size     the number of bytes
 * @param mimeType the content type, may be null
 */
public record ReceiptFile(byte[] bytes, String sha256, long size, String mimeType) {

  public static ReceiptFile of(FetchedMedia media) {
    return new ReceiptFile(media.bytes(), sha256(media.bytes()), media.bytes().length, media.mimeType());
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Never the bytes: a file's contents must not reach a log line. */
  @Override
  public String toString() {
    return "ReceiptFile[sha256=" + sha256 + ", size=" + size + ", mimeType=" + mimeType + "]";
  }
}
