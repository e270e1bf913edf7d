package pe.xofi.chat.bench.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import pe.xofi.chat.localstack.DatabaseTarget;
import pe.xofi.chat.localstack.LocalStack;
import pe.xofi.chat.localstack.ServiceModule;
import pe.xofi.chat.localstack.StackConfig;
import pe.xofi.chat.localstack.StackSecrets;

/**
 * The stack a benchmark runs against: its own (free ports, a run folder under
 * {@code infra/bench/target}, a fresh database dropped at the end), or one already running, in
 * which case the runs that stop and restart services are left out.
 */
public final class BenchStack implements AutoCloseable {

  /** Environment of every service of the bench's own stack. */
  static final Map<String, String> ENVIRONMENT = Map.of("SANDBOX_RECEIPTLIMIT", "1000000");

  private final LocalStack stack;
  private final String ingressUrl;
  private final String webhookSecret;
  private final String bootstrap;
  private final String sandboxUrl;
  private final Path projectDir;
  private final Path runDir;

  private BenchStack(LocalStack stack, String ingressUrl, String webhookSecret, String bootstrap, String sandboxUrl,
      Path projectDir, Path runDir) {
    this.stack = stack;
    this.ingressUrl = ingressUrl;
    this.webhookSecret = webhookSecret;
    this.bootstrap = bootstrap;
    this.sandboxUrl = sandboxUrl;
    this.projectDir = projectDir;
    this.runDir = runDir;
  }

  /** Starts the bench's own stack under {@code projectDir}, {@code environment} added to every service. */
  public static BenchStack start(Path projectDir, Map<String, String> environment, Consumer<String> log) {
    String stamp = Long.toString(System.currentTimeMillis(), 36);
    DatabaseTarget db =
        DatabaseTarget.fromEnvironment(Map.of("XOFI_DB_URL", "postgresql://localhost:5432/xofi_bench_" + stamp));
    Path runDir = projectDir.resolve("infra/bench/target/bench-run-" + stamp);
    Map<String, String> env = new java.util.HashMap<>(ENVIRONMENT);
    env.putAll(environment);
    StackConfig config = StackConfig.onFreePorts(projectDir, runDir, db, env);
    LocalStack stack;
    try {
      stack = LocalStack.start(config, log);
    } catch (RuntimeException e) {
      dropDatabase(db);
      throw e;
    }
    return new BenchStack(stack, config.ingressUrl(), stack.secrets().get(StackSecrets.WHATSAPP_WEBHOOK_SECRET),
        config.bootstrapServers(), config.sandboxUrl(), projectDir, runDir);
  }

  /** A stack someone else runs, whose ingress takes {@code webhookSecret} as WHAPI's secret. */
  public static BenchStack attach(Path projectDir, String ingressUrl, String webhookSecret, String bootstrap, String sandboxUrl) {
    return new BenchStack(null, ingressUrl, webhookSecret, bootstrap, sandboxUrl, projectDir,
        projectDir.resolve("infra/bench/target/bench-attached"));
  }

  /**
   * WHAPI's secret of a running stack: {@code given} when set, else {@code WHATSAPP_WEBHOOK_SECRET} of
   * the environment, else the one {@code ./xofi up} keeps in {@code <project>/.run/secrets.env}.
   */
  public static String webhookSecretOf(Path projectDir, String given, Map<String, String> environment) {
    if (given != null && !given.isBlank()) {
      return given;
    }
    String fromEnvironment = environment.get(StackSecrets.WHATSAPP_WEBHOOK_SECRET);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    Path file = projectDir.resolve(".run").resolve("secrets.env");
    try {
      return java.nio.file.Files.readAllLines(file).stream()
          .filter(line -> line.startsWith(StackSecrets.WHATSAPP_WEBHOOK_SECRET + "="))
          .map(line -> line.substring(StackSecrets.WHATSAPP_WEBHOOK_SECRET.length() + 1).replaceAll("^'|'$", ""))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException(file + " has no " + StackSecrets.WHATSAPP_WEBHOOK_SECRET));
    } catch (IOException e) {
      throw new IllegalArgumentException("no --webhook-secret, no WHATSAPP_WEBHOOK_SECRET and no " + file
          + " (./xofi up writes it): the ingress answers 401 without WHAPI's secret", e);
    }
  }

  /** The local stack, when the bench started it. */
  public Optional<LocalStack> own() {
    return Optional.ofNullable(stack);
  }

  public String webhookUrl() {
    return ingressUrl + "/chatbot/webhook/whatsapp/";
  }

  /** WHAPI's secret the ingress checks ({@code X-Webhook-Secret}). */
  public String webhookSecret() {
    return webhookSecret;
  }

  public String bootstrap() {
    return bootstrap;
  }

  public String sandboxUrl() {
    return sandboxUrl;
  }

  public Path projectDir() {
    return projectDir;
  }

  public Path runDir() {
    return runDir;
  }

  public Path libDir() {
    return projectDir.resolve("infra/local-stack/target/lib");
  }

  /** The process id of {@code module} (own stack only). */
  public long pid(ServiceModule module) {
    return stack.service(module).pid();
  }

  /** Stops {@code modules} gently, all at once. */
  public void stop(ServiceModule... modules) {
    java.util.List<Thread> stopping = java.util.Arrays.stream(modules)
        .map(m -> Thread.ofPlatform().name("stop-" + m.artifact()).start(() -> stack.stop(m)))
        .toList();
    for (Thread t : stopping) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  public void restart(ServiceModule module, Map<String, String> environment) {
    stack.restart(module, Duration.ofMinutes(3), environment);
  }

  @Override
  public void close() {
    if (stack != null) {
      stack.close();
      dropDatabase(stack.config().database());
    }
  }

  private static void dropDatabase(DatabaseTarget db) {
    Properties props = new Properties();
    props.setProperty("user", db.user());
    props.setProperty("password", db.password());
    try (Connection c = DriverManager.getConnection(db.jdbcUrl("postgres"), props);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + db.database() + " WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println("bench: could not drop " + db.database() + ": " + e.getMessage());
    }
  }
}
