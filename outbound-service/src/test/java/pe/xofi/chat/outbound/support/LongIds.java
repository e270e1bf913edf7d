package pe.xofi.chat.outbound.support;

import java.util.UUID;

/** Message ids longer than a PostgreSQL btree entry (about 2.7 KB) even after compression. */
public final class LongIds {

  private LongIds() {}

  /** {@code length} random hexadecimal characters, which PostgreSQL cannot compress into an index entry. */
  public static String randomText(int length) {
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      text.append(UUID.randomUUID().toString().replace("-", ""));
    }
    return text.substring(0, length);
  }
}
