package pe.xofi.chat.conversation.member;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.r2dbc.core.DatabaseClient;
import pe.xofi.chat.conversation.member.postgres.BlockingDatabase;
import pe.xofi.chat.conversation.member.postgres.MemberConnectionPool;
import pe.xofi.chat.conversation.member.postgres.MemberDatabaseProperties;
import pe.xofi.chat.testsupport.PostgresTestDatabase;

/**
 * A fresh PostgreSQL database migrated with the service's Flyway scripts, and the member pool on it,
 * for tests of the adapters without a Spring context.
 */
public final class MemberTestDatabase implements AutoCloseable {

  public static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);

  private final PostgresTestDatabase database;
  private final ConnectionPool pool;

  private MemberTestDatabase(PostgresTestDatabase database, ConnectionPool pool) {
    this.database = database;
    this.pool = pool;
  }

  /** Creates the database, runs {@code db/migration} on it and opens a pool of 2. */
  public static MemberTestDatabase createMigrated(String prefix) {
    PostgresTestDatabase database = PostgresTestDatabase.create(prefix);
    Flyway.configure()
        .dataSource(database.jdbcUrl(), database.user(), database.password())
        .load()
        .migrate();
    return new MemberTestDatabase(database, MemberConnectionPool.create(options(database), new MemberDatabaseProperties(QUERY_TIMEOUT, 2)));
  }

  /** The R2DBC options of {@code database}. */
  public static ConnectionFactoryOptions options(PostgresTestDatabase database) {
    ConnectionFactoryOptions.Builder options =
        ConnectionFactoryOptions.parse(database.r2dbcUrl()).mutate().option(ConnectionFactoryOptions.USER, database.user());
    if (!database.password().isEmpty()) {
      options.option(ConnectionFactoryOptions.PASSWORD, database.password());
    }
    return options.build();
  }

  public ConnectionPool pool() {
    return pool;
  }

  public BlockingDatabase blockingDatabase() {
    return new BlockingDatabase(DatabaseClient.create(pool), QUERY_TIMEOUT);
  }

  public PostgresTestDatabase database() {
    return database;
  }

  /** Runs one SQL statement (test set-up). */
  public void execute(String sql) {
    database.execute(sql);
  }

  /** The rows of {@code sql}, each as the text of its columns ({@code null} for SQL NULL). */
  public List<List<String>> rows(String sql) {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      List<List<String>> rows = new ArrayList<>();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int column = 1; column <= columns; column++) {
          row.add(result.getString(column));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Inserts a partner with the given code and DNI and returns its id. */
  public long insertPartner(String code, String dni) {
    return Long.parseLong(
        rows(
                "INSERT INTO partner (code, dni, first_names, last_names, birth_date) VALUES ('"
                    + code + "', '" + dni + "', 'Ana', 'Prueba', DATE '2000-01-01') RETURNING id")
            .getFirst()
            .getFirst());
  }

  @Override
  public void close() {
    pool.dispose();
    database.drop();
  }
}
