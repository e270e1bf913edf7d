package pe.xofi.chat.outbound.support;

import java.util.Random;

/**
 * Receipt files for tests: random bytes behind the signature of their type, so the media stage's
 * magic-byte check accepts them and each size gives different bytes.
 */
public final class ReceiptBytes {

  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] PDF = {'%', 'P', 'D', 'F', '-', '1', '.', '7', '\n'};

  private ReceiptBytes() {}

  public static byte[] jpeg(int size) {
    return withSignature(JPEG, size);
  }

  public static byte[] png(int size) {
    return withSignature(PNG, size);
  }

  public static byte[] pdf(int size) {
    return withSignature(PDF, size);
  }

  /** A WebP: {@code RIFF}, a length, {@code WEBP}, then random bytes. */
  public static byte[] webp(int size) {
    byte[] bytes = withSignature(new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'}, size);
    return bytes;
  }

  private static byte[] withSignature(byte[] signature, int size) {
    if (size < signature.length) {
      throw new IllegalArgumentException("a file of this type has at least " + signature.length + " bytes");
    }
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    System.arraycopy(signature, 0, bytes, 0, signature.length);
    return bytes;
  }
}
