package pe.xofi.chat.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database per test class on the machine's real server: {@code
 * XOFI_TEST_DB_HOST}/{@code XOFI_TEST_DB_PORT}/{@code XOFI_TEST_DB_USER}/{@code
 * XOFI_TEST_DB_PASSWORD}, defaulting to 127.0.0.1:5432 as {@code postgres} (the CI machine's
 * trust-auth server).
 *
 * @param host     server host
 * @param port     server port
 * @param name     the database created for the test
 * @param user     user name
 * @param password password (may be empty)
 */
public record PostgresTestDatabase(String host, int port, String name, String user, String password) {

  /** Creates a database named {@code <prefix>_<random>} and returns it. */
  public static PostgresTestDatabase create(String prefix) {
    String host = env("XOFI_TEST_DB_HOST", "127.0.0.1");
    int port = Integer.parseInt(env("XOFI_TEST_DB_PORT", "5432"));
    String user = env("XOFI_TEST_DB_USER", "postgres");
    String password = env("XOFI_TEST_DB_PASSWORD", "");
    String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase().replaceAll("[^a-z0-9_]", "_");
    PostgresTestDatabase db = new PostgresTestDatabase(host, port, name, user, password);
    db.execute("postgres", "CREATE DATABASE " + name);
    return db;
  }

  /** {@code postgresql://host:port/name}, the form of {@code XOFI_DB_URL}. */
  public String url() {
    return "postgresql://" + host + ":" + port + "/" + name;
  }

  public String jdbcUrl() {
    return "jdbc:" + url();
  }

  public String r2dbcUrl() {
    return "r2dbc:" + url();
  }

  /** Runs one SQL statement in this database (test set-up and checks). */
  public void execute(String sql) {
    execute(name, sql);
  }

  /** Drops the database; call from {@code @AfterAll}. */
  public void drop() {
    execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  /** Opens a JDBC connection to this database, for assertions on what the code wrote. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + name, properties());
  }

  private void execute(String database, String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, properties());
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL at " + host + ":" + port + " refused '" + sql + "': " + e.getMessage()
              + " (start it with pg_ctlcluster, or set XOFI_TEST_DB_HOST/PORT/USER/PASSWORD)", e);
    }
  }

  private Properties properties() {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    return p;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
