package pe.xofi.chat.membercrypto;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The data-key table's own schema {@value #SCHEMA} with its own Flyway history, migrated by every
 * service that seals or opens (the migration is idempotent and Flyway locks its history table), so
 * no service depends on another having started first.
 */
public final class MemberKeySchema {

  public static final String SCHEMA = "member_keys";

  private MemberKeySchema() {}

  /** Creates or updates {@code member_keys.member_data_key}. */
  public static void migrate(DataSource dataSource) {
    // services start together: the schema is created up front, idempotently, so two Flyway runs
    // never race to create it (the history table's lock then serialises the migrations)
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
    } catch (SQLException e) {
      throw new MemberKeysUnavailableException("cannot create schema " + SCHEMA, e);
    }
    Flyway.configure()
        .dataSource(dataSource)
        .schemas(SCHEMA)
        .table("member_keys_schema_history")
        .locations("classpath:db/member_keys")
        .load()
        .migrate();
  }
}
