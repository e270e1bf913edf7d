package pe.xofi.chat.membercrypto;

import java.util.Optional;

/**
 * Where each conversation's wrapped data key lives ({@code member_keys.member_data_key}): at most one
 * per conversation, created once however many instances race, and deleted to forget a member.
 */
public interface MemberKeyStore {

  /** The conversation's key, if it has one (none: never sealed anything, or forgotten). */
  Optional<StoredDataKey> find(String conversationKey);

  /** Stores {@code candidate} unless the conversation has a key already; returns the key in force either way. */
  StoredDataKey createIfAbsent(String conversationKey, StoredDataKey candidate);

  /** Deletes the conversation's key (crypto-shredding); returns how many rows went (0 or 1). */
  int delete(String conversationKey);
}
