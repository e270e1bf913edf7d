package pe.xofi.chat.localstack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pe.xofi.chat.schemas.inbound.ConversationKey;

/**
 * Erases one conversation's personal data in one transaction: its data key (crypto-shredding:
 * every retained record sealed with it on Kafka becomes unreadable), its transcript, its operator
 * projection and its failed identifications. A table not created yet counts zero.
 */
final class MemberForgetter {

  /** The tables erased, in order, each keyed by {@code conversation_key}. */
  static final List<String> TABLES = List.of(
      "member_keys.member_data_key", "public.conversation_message", "public.agent_conversation",
      "public.identification_failure");

  private MemberForgetter() {}

  /** Deletes every row of {@code key} in {@link #TABLES}; returns the rows deleted per table. */
  static Map<String, Integer> forget(Connection connection, ConversationKey key) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      Map<String, Integer> deleted = new LinkedHashMap<>();
      for (String table : TABLES) {
        deleted.put(table, exists(connection, table) ? delete(connection, table, key.toString()) : 0);
      }
      connection.commit();
      return deleted;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static boolean exists(Connection connection, String table) throws SQLException {
    try (PreparedStatement regclass = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      regclass.setString(1, table);
      try (ResultSet row = regclass.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    }
  }

  // the table name comes from TABLES only, never from input
  private static int delete(Connection connection, String table, String key) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE conversation_key = ?")) {
      delete.setString(1, key);
      return delete.executeUpdate();
    }
  }
}
