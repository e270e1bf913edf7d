package pe.xofi.chat.outbound.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import pe.xofi.chat.membercrypto.MasterKeys;
import pe.xofi.chat.testsupport.PostgresTestDatabase;

/**
 * Points the service's R2DBC pool, its Flyway (the ledger schema) and its data keys at a test
 * database, with one master key set per test JVM so a restarted service opens what the first sealed.
 */
public final class LedgerDatabase {

  /** The master key set of every service this JVM's tests start. */
  public static final String DATA_KEYSET = MasterKeys.generateJson();

  private LedgerDatabase() {}

  public static void register(DynamicPropertyRegistry registry, PostgresTestDatabase db) {
    registry.add("spring.r2dbc.url", db::r2dbcUrl);
    registry.add("spring.r2dbc.username", db::user);
    registry.add("spring.r2dbc.password", db::password);
    registry.add("spring.flyway.url", db::jdbcUrl);
    registry.add("spring.flyway.user", db::user);
    registry.add("spring.flyway.password", db::password);
    registry.add("xofi.member-crypto.keyset", () -> DATA_KEYSET);
    registry.add("xofi.member-crypto.db-url", db::url);
    registry.add("xofi.member-crypto.db-user", db::user);
    registry.add("xofi.member-crypto.db-password", db::password);
  }

  /** The same settings as command-line arguments, for a service started by hand. */
  public static String[] arguments(PostgresTestDatabase db) {
    return new String[] {
      "--spring.r2dbc.url=" + db.r2dbcUrl(), "--spring.r2dbc.username=" + db.user(),
      "--spring.r2dbc.password=" + db.password(), "--spring.flyway.url=" + db.jdbcUrl(),
      "--spring.flyway.user=" + db.user(), "--spring.flyway.password=" + db.password(),
      "--xofi.member-crypto.keyset=" + DATA_KEYSET, "--xofi.member-crypto.db-url=" + db.url(),
      "--xofi.member-crypto.db-user=" + db.user(), "--xofi.member-crypto.db-password=" + db.password()
    };
  }
}
