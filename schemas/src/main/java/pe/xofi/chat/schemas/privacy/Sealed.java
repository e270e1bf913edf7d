package pe.xofi.chat.schemas.privacy;

import java.util.Objects;

/**
 * Personal data encrypted with the conversation's data key (AES-GCM): whoever reads the topic
 * without that key, or after {@code ./xofi forget} destroyed it, sees only these bytes.
 *
 * @param keyId      the id of the conversation's data key that sealed it (a forgotten and re-created
 *                   key has a new id, so old records are known to be unreadable)
 * @param ciphertext base64 of the AES-GCM output (nonce, ciphertext, tag)
 */
public record Sealed(String keyId, String ciphertext) {

  public Sealed {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(ciphertext, "ciphertext");
  }
}
