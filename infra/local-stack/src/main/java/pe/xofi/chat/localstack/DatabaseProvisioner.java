package pe.xofi.chat.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Makes sure the member-domain database exists, creating it when the server lacks it. */
final class DatabaseProvisioner {

  private DatabaseProvisioner() {}

  /**
   * Connects to the server's {@code postgres} database and creates {@code target.database()} if it
   * is missing; returns true when it was created.
   */
  static boolean ensureDatabase(DatabaseTarget target) {
    Properties props = new Properties();
    props.setProperty("user", target.user());
    props.setProperty("password", target.password());
    props.setProperty("connectTimeout", "5");
    try (Connection connection = DriverManager.getConnection(target.jdbcUrl("postgres"), props)) {
      try (PreparedStatement query =
          connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        query.setString(1, target.database());
        try (ResultSet rs = query.executeQuery()) {
          if (rs.next()) {
            return false;
          }
        }
      }
      if (!target.database().matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new StackException("database name must be a plain identifier: " + target.database());
      }
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE DATABASE " + target.database());
      }
      return true;
    } catch (SQLException e) {
      throw new StackException(
          "PostgreSQL is not reachable at "
              + target.host()
              + ":"
              + target.port()
              + " as user '"
              + target.user()
              + "' ("
              + e.getMessage()
              + ").\n"
              + "  Start it (on Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)\n"
              + "  or point the stack at one: XOFI_DB_URL=postgresql://host:5432/xofi XOFI_DB_USER=... XOFI_DB_PASSWORD=... ./xofi up");
    }
  }
}
