package pe.xofi.chat.membercrypto;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The opened data keys of conversations, cached: at most {@code maxEntries} for {@code ttl} after
 * they were read, so a {@code ./xofi forget} takes effect in every instance within the TTL
 * (default {@value #DEFAULT_TTL_MINUTES} minutes) and a busy conversation costs one key read per TTL.
 */
public final class DataKeys {

  public static final int DEFAULT_TTL_MINUTES = 10;
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(DEFAULT_TTL_MINUTES);
  public static final long DEFAULT_MAX_ENTRIES = 50_000;

  private static final int KEY_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MasterKeys masterKeys;
  private final MemberKeyStore store;
  private final Cache<String, DataKey> opened;

  public DataKeys(MasterKeys masterKeys, MemberKeyStore store, Duration ttl, long maxEntries) {
    this.masterKeys = masterKeys;
    this.store = store;
    this.opened = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
  }

  public DataKeys(MasterKeys masterKeys, MemberKeyStore store) {
    this(masterKeys, store, DEFAULT_TTL, DEFAULT_MAX_ENTRIES);
  }

  /** The conversation's key to seal with, created (once across instances) if it has none. */
  DataKey forSealing(String conversationKey) {
    return opened.get(conversationKey, key -> open(key, store.find(key).orElseGet(() -> create(key))));
  }

  /** The conversation's key with id {@code keyId}, or empty when it was forgotten (deleted or re-created since). */
  Optional<DataKey> forOpening(String conversationKey, String keyId) {
    DataKey cached = opened.getIfPresent(conversationKey);
    if (cached != null && cached.id().equals(keyId)) {
      return Optional.of(cached);
    }
    Optional<DataKey> stored = store.find(conversationKey).filter(s -> s.keyId().equals(keyId)).map(s -> open(conversationKey, s));
    stored.ifPresent(key -> opened.put(conversationKey, key));
    return stored;
  }

  /** Drops the cached key of a conversation (this instance only; others wait for the TTL). */
  public void evict(String conversationKey) {
    opened.invalidate(conversationKey);
  }

  private StoredDataKey create(String conversationKey) {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    byte[] id = new byte[8];
    RANDOM.nextBytes(id);
    StoredDataKey candidate = new StoredDataKey("dk-" + HexFormat.of().formatHex(id), masterKeys.wrap(key, conversationKey));
    return store.createIfAbsent(conversationKey, candidate);
  }

  private DataKey open(String conversationKey, StoredDataKey stored) {
    try {
      return new DataKey(stored.keyId(), new AesGcmJce(masterKeys.unwrap(stored.wrappedKey(), conversationKey)));
    } catch (GeneralSecurityException e) {
      // no key of XOFI_DATA_KEYSET unwraps it: the set lost a key that is still in use
      throw new IllegalStateException("the master key set cannot unwrap the data key " + stored.keyId(), e);
    }
  }

  /** An opened data key and its id. */
  record DataKey(String id, Aead aead) {}
}
