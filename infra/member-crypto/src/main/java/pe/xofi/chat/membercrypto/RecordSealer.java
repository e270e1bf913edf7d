package pe.xofi.chat.membercrypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import pe.xofi.chat.schemas.privacy.Sealed;

/**
 * Seals a member's data with the conversation's data key (AES-GCM, 12-byte random nonce) bound to
 * the conversation and the record id as associated data, so a sealed field copied onto another
 * record or conversation does not open; opens it again unless the member was forgotten.
 */
public final class RecordSealer {

  private final DataKeys dataKeys;

  public RecordSealer(DataKeys dataKeys) {
    this.dataKeys = dataKeys;
  }

  /** {@code plaintext} sealed for record {@code recordId} of {@code conversationKey}. */
  public Sealed seal(String conversationKey, String recordId, byte[] plaintext) {
    DataKeys.DataKey key = dataKeys.forSealing(conversationKey);
    try {
      byte[] ciphertext = key.aead().encrypt(plaintext, associatedData(conversationKey, recordId));
      return new Sealed(key.id(), Base64.getEncoder().encodeToString(ciphertext));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal a record", e);
    }
  }

  /** {@link #seal} of UTF-8 text. */
  public Sealed seal(String conversationKey, String recordId, String plaintext) {
    return seal(conversationKey, recordId, plaintext.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The plaintext of {@code sealed}, or {@link Opened.Forgotten} when its data key is gone. A
   * ciphertext that does not authenticate (tampered, or moved from another record) is an error.
   */
  public Opened open(String conversationKey, String recordId, Sealed sealed) {
    Optional<DataKeys.DataKey> key = dataKeys.forOpening(conversationKey, sealed.keyId());
    if (key.isEmpty()) {
      return new Opened.Forgotten();
    }
    try {
      return new Opened.Plain(key.get().aead().decrypt(
          Base64.getDecoder().decode(sealed.ciphertext()), associatedData(conversationKey, recordId)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new UnopenableRecordException("a sealed record of " + maskedKey(conversationKey) + " does not authenticate", e);
    }
  }

  // length-prefixed so ("a", "b:c") and ("a:b", "c") never share associated data
  private static byte[] associatedData(String conversationKey, String recordId) {
    return (conversationKey.length() + ":" + conversationKey + recordId).getBytes(StandardCharsets.UTF_8);
  }

  private static String maskedKey(String conversationKey) {
    int keep = Math.min(4, conversationKey.length());
    return "*".repeat(conversationKey.length() - keep) + conversationKey.substring(conversationKey.length() - keep);
  }
}
