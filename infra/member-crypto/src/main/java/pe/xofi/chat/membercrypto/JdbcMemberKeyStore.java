package pe.xofi.chat.membercrypto;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link MemberKeyStore} on PostgreSQL over JDBC: creation is {@code INSERT … ON CONFLICT DO NOTHING}
 * then a read, so two instances sealing the first message of a conversation agree on one key.
 * Blocking: reactive callers run it on a bounded-elastic scheduler with a timeout.
 */
public final class JdbcMemberKeyStore implements MemberKeyStore {

  private static final String FIND = "SELECT key_id, wrapped_key FROM member_keys.member_data_key WHERE conversation_key = ?";
  private static final String INSERT = "INSERT INTO member_keys.member_data_key (conversation_key, key_id, wrapped_key)"
      + " VALUES (?, ?, ?) ON CONFLICT (conversation_key) DO NOTHING";
  private static final String DELETE = "DELETE FROM member_keys.member_data_key WHERE conversation_key = ?";

  private final DataSource dataSource;

  public JdbcMemberKeyStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Optional<StoredDataKey> find(String conversationKey) {
    try (Connection c = dataSource.getConnection()) {
      return find(c, conversationKey);
    } catch (SQLException e) {
      throw new MemberKeysUnavailableException("cannot read a data key", e);
    }
  }

  @Override
  public StoredDataKey createIfAbsent(String conversationKey, StoredDataKey candidate) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement insert = c.prepareStatement(INSERT)) {
        insert.setString(1, conversationKey);
        insert.setString(2, candidate.keyId());
        insert.setBytes(3, candidate.wrappedKey());
        insert.executeUpdate();
      }
      // a forget between the insert and this read leaves nothing: the caller simply tries again
      return find(c, conversationKey)
          .orElseThrow(() -> new MemberKeysUnavailableException("the data key vanished while it was created", null));
    } catch (SQLException e) {
      throw new MemberKeysUnavailableException("cannot store a data key", e);
    }
  }

  @Override
  public int delete(String conversationKey) {
    try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(DELETE)) {
      delete.setString(1, conversationKey);
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new MemberKeysUnavailableException("cannot delete a data key", e);
    }
  }

  private static Optional<StoredDataKey> find(Connection c, String conversationKey) throws SQLException {
    try (PreparedStatement find = c.prepareStatement(FIND)) {
      find.setString(1, conversationKey);
      try (ResultSet row = find.executeQuery()) {
        return row.next() ? Optional.of(new StoredDataKey(row.getString(1), row.getBytes(2))) : Optional.empty();
      }
    }
  }
}
