package pe.xofi.chat.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import pe.xofi.chat.localstack.DatabaseTarget;
import pe.xofi.chat.localstack.LocalStack;
import pe.xofi.chat.localstack.StackConfig;

/**
 * The real stack (broker process, services, sandbox) on free ports, started once per test JVM and
 * shared by the system tests (each test uses its own members' phone numbers). Data, logs and the
 * run's generated secrets ({@link LocalStack#secrets()}) go to {@code target/stack-run-*} and a fresh
 * database that is dropped at the end, so it never touches a developer's running stack.
 */
public final class RunningStack {

  private static LocalStack shared;

  private RunningStack() {}

  /** The shared stack, started on first use and stopped when the test JVM exits. */
  public static synchronized LocalStack shared() {
    if (shared == null) {
      LocalStack stack = start(Map.of());
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(stack), "system-stack-stop"));
      shared = stack;
    }
    return shared;
  }

  public static LocalStack start(Map<String, String> environment) {
    // a new database per run, so the demo data is loaded fresh and ticket numbers start at 1
    return start(
        DatabaseTarget.fromEnvironment(Map.of("XOFI_DB_URL", "postgresql://localhost:5432/" + freshDatabaseName())),
        environment);
  }

  /** The stack on free ports with its member database {@code db} (created if missing, dropped by {@link #stop}). */
  public static LocalStack start(DatabaseTarget db, Map<String, String> environment) {
    Path projectDir = projectDir();
    StackConfig config =
        StackConfig.onFreePorts(projectDir, Path.of("target/stack-run-" + System.nanoTime()).toAbsolutePath(), db, environment);
    return LocalStack.start(config, line -> System.out.println("[stack] " + line));
  }

  /** A database name no earlier run used. */
  public static String freshDatabaseName() {
    return "xofi_system_test_" + Long.toString(System.currentTimeMillis(), 36);
  }

  /** The repository root (the tests run in {@code infra/system-tests}). */
  public static Path projectDir() {
    return Path.of("../..").toAbsolutePath().normalize();
  }

  /** Stops the processes and drops the run's database. */
  public static void stop(LocalStack stack) {
    stack.close();
    DatabaseTarget db = stack.config().database();
    Properties props = new Properties();
    props.setProperty("user", db.user());
    props.setProperty("password", db.password());
    try (Connection c = DriverManager.getConnection(db.jdbcUrl("postgres"), props);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + db.database() + " WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println("[stack] could not drop " + db.database() + ": " + e.getMessage());
    }
  }

  /** A JDBC connection to the run's member database, for checks of what the services wrote. */
  public static Connection database(LocalStack stack) throws SQLException {
    DatabaseTarget db = stack.config().database();
    Properties props = new Properties();
    props.setProperty("user", db.user());
    props.setProperty("password", db.password());
    return DriverManager.getConnection(db.jdbcUrl(db.database()), props);
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
