package pe.xofi.chat.membercrypto;

import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link JdbcMemberKeyStore} that creates its schema on first use rather than at start, so a
 * service starts while PostgreSQL is down and its first key read waits for the database like any other.
 */
final class MigratedMemberKeyStore implements MemberKeyStore {

  private final DataSource dataSource;
  private final JdbcMemberKeyStore store;
  private volatile boolean migrated;

  MigratedMemberKeyStore(DataSource dataSource) {
    this.dataSource = dataSource;
    this.store = new JdbcMemberKeyStore(dataSource);
  }

  @Override
  public Optional<StoredDataKey> find(String conversationKey) {
    migrate();
    return store.find(conversationKey);
  }

  @Override
  public StoredDataKey createIfAbsent(String conversationKey, StoredDataKey candidate) {
    migrate();
    return store.createIfAbsent(conversationKey, candidate);
  }

  @Override
  public int delete(String conversationKey) {
    migrate();
    return store.delete(conversationKey);
  }

  private void migrate() {
    if (migrated) {
      return;
    }
    synchronized (this) {
      if (!migrated) {
        try {
          MemberKeySchema.migrate(dataSource);
        } catch (RuntimeException e) {
          throw new MemberKeysUnavailableException("cannot create the data-key schema", e);
        }
        migrated = true;
      }
    }
  }
}
