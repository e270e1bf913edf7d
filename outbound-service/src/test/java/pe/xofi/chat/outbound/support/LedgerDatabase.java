package pe.xofi.chat.outbound.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import pe.xofi.chat.testsupport.PostgresTestDatabase;

/** Points the service's R2DBC pool and its Flyway (the ledger schema) at a test database. */
public final class LedgerDatabase {

  private LedgerDatabase() {}

  public static void register(DynamicPropertyRegistry registry, PostgresTestDatabase db) {
    registry.add("spring.r2dbc.url", db::r2dbcUrl);
    registry.add("spring.r2dbc.username", db::user);
    registry.add("spring.r2dbc.password", db::password);
    registry.add("spring.flyway.url", db::jdbcUrl);
    registry.add("spring.flyway.user", db::user);
    registry.add("spring.flyway.password", db::password);
  }

  /** The same settings as command-line arguments, for a service started by hand. */
  public static String[] arguments(PostgresTestDatabase db) {
    return new String[] {
      "--spring.r2dbc.url=" + db.r2dbcUrl(), "--spring.r2dbc.username=" + db.user(),
      "--spring.r2dbc.password=" + db.password(), "--spring.flyway.url=" + db.jdbcUrl(),
      "--spring.flyway.user=" + db.user(), "--spring.flyway.password=" + db.password()
    };
  }
}
