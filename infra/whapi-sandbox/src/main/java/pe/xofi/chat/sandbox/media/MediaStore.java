package pe.xofi.chat.sandbox.media;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import pe.xofi.chat.sandbox.SandboxProperties;

/**
 * The files members sent, by WHAPI-like media id ({@code <subtype>-<32 hex>}, e.g. {@code
 * jpeg-9c1f...}); once {@code sandbox.media-limit} files are held, the oldest are forgotten.
 */
@Component
public class MediaStore {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private final int limit;
  private final Map<String, StoredMedia> files =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StoredMedia> eldest) {
          return size() > limit;
        }
      };

  public MediaStore(SandboxProperties properties) {
    this.limit = Math.max(1, properties.mediaLimit());
  }

  /** Keeps {@code bytes} under a new media id and returns what was stored. */
  public synchronized StoredMedia store(String mimeType, String fileName, byte[] bytes) {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    String id = prefixOf(mimeType) + "-" + HEX.formatHex(random);
    StoredMedia media = new StoredMedia(id, mimeType, fileName, bytes.clone(), sha256(bytes));
    files.put(id, media);
    return media;
  }

  /** The file with WHAPI media id {@code id}, or with Meta media id {@code id} (digits). */
  public synchronized Optional<StoredMedia> find(String id) {
    if (!id.isEmpty() && id.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return files.values().stream().filter(media -> media.metaId().equals(id)).findFirst();
    }
    return Optional.ofNullable(files.get(id));
  }

  /** WHAPI media ids start with the file's subtype: {@code image/jpeg} → {@code jpeg}. */
  static String prefixOf(String mimeType) {
    int slash = mimeType.indexOf('/');
    String subtype = mimeType.substring(slash + 1).toLowerCase(Locale.ROOT).split("[^a-z0-9]", 2)[0];
    return subtype.isEmpty() ? "file" : subtype.substring(0, Math.min(subtype.length(), 12));
  }

  static String sha256(byte[] bytes) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
