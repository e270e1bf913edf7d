package pe.xofi.chat.outbound.media;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The files a receipt may be, told apart by their first bytes: JPEG ({@code FF D8 FF}), PNG (its
 * 8-byte signature), WebP ({@code RIFF....WEBP}) and PDF ({@code %PDF-}).
 */
public enum ReceiptFileType {
  JPEG("image/jpeg"),
  PNG("image/png"),
  WEBP("image/webp"),
  PDF("application/pdf");

  /** What a refusal says the member may send. */
  public static final String ACCEPTED = "a JPEG, PNG, WebP or PDF";

  private final String mimeType;

  ReceiptFileType(String mimeType) {
    this.mimeType = mimeType;
  }

  public String mimeType() {
    return mimeType;
  }

  /** The type {@code bytes} start like, if they are one of these. */
  public static Optional<ReceiptFileType> sniff(byte[] bytes) {
    if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
      return Optional.of(WEBP);
    }
    if (startsWith(bytes, 0, '%', 'P', 'D', 'F', '-')) {
      return Optional.of(PDF);
    }
    return Optional.empty();
  }

  /** The type named by {@code mimeType} ({@code type/subtype}, any case; {@code image/jpg} too), if any. */
  public static Optional<ReceiptFileType> ofMimeType(String mimeType) {
    if (mimeType == null) {
      return Optional.empty();
    }
    String normalized = mimeType.strip().toLowerCase(Locale.ROOT);
    if (normalized.equals("image/jpg") || normalized.equals("image/pjpeg")) {
      return Optional.of(JPEG);
    }
    return Arrays.stream(values()).filter(type -> type.mimeType.equals(normalized)).findFirst();
  }

  private static boolean startsWith(byte[] bytes, int offset, int... signature) {
    if (bytes.length < offset + signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((bytes[offset + i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }
}
