package pe.xofi.chat.membercrypto;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link MemberKeyStore} in a map, for tests that need no database. */
final class InMemoryMemberKeyStore implements MemberKeyStore {

  final Map<String, StoredDataKey> keys = new ConcurrentHashMap<>();

  @Override
  public Optional<StoredDataKey> find(String conversationKey) {
    return Optional.ofNullable(keys.get(conversationKey));
  }

  @Override
  public StoredDataKey createIfAbsent(String conversationKey, StoredDataKey candidate) {
    return keys.computeIfAbsent(conversationKey, k -> candidate);
  }

  @Override
  public int delete(String conversationKey) {
    return keys.remove(conversationKey) == null ? 0 : 1;
  }
}
