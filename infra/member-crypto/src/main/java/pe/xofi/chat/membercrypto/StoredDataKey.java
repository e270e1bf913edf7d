package pe.xofi.chat.membercrypto;

/**
 * A conversation's data key as stored: its id (carried on every record it seals) and the key
 * wrapped by the master key set.
 *
 * @param keyId      random id, new each time the key is created (after a forget too)
 * @param wrappedKey the 32-byte AES key encrypted by {@link MasterKeys} with the conversation key as associated data
 */
public record StoredDataKey(String keyId, byte[] wrappedKey) {}
