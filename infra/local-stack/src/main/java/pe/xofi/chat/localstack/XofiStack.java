package pe.xofi.chat.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code ./xofi} commands that run the stack on this machine. */
@Command(
    name = "xofi",
    mixinStandardHelpOptions = true,
    subcommands = {
      XofiStack.Up.class,
      XofiStack.TopicsCommand.class,
      XofiStack.Database.class,
      XofiStack.Secrets.class,
      VerifyConfigCommand.class,
      LagCommand.class,
      DltCommand.class,
      AuditCommand.class,
      ForgetCommand.class
    },
    description = "Runs the Xofi Recaudo chat pipeline locally.")
public final class XofiStack {

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new XofiStack());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof StackException) {
            commandLine.getErr().println("xofi: " + e.getMessage());
            return 2;
          }
          throw e;
        });
    System.exit(cli.execute(args));
  }

  @Command(name = "up", description = "Starts broker, topics, database, services and sandbox; Ctrl-C stops them.")
  static final class Up implements Callable<Integer> {

    @Option(names = "--project-dir", defaultValue = ".", description = "repository root")
    Path projectDir;

    @Option(names = "--no-db", description = "do not check or create the PostgreSQL database")
    boolean noDatabase;

    @Override
    public Integer call() throws InterruptedException {
      Path root = projectDir.toAbsolutePath().normalize();
      DatabaseTarget db = noDatabase ? null : DatabaseTarget.fromEnvironment(System.getenv());
      StackConfig config = StackConfig.defaults(root, db);
      long t0 = System.nanoTime();
      LocalStack stack = LocalStack.start(config, line -> System.out.println("  " + line));
      CountDownLatch stopped = new CountDownLatch(1);
      AtomicBoolean stopping = new AtomicBoolean();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    stopping.set(true);
                    System.out.println("\nStopping the stack...");
                    stack.close();
                    stopped.countDown();
                  },
                  "xofi-stop"));
      System.out.println(UpBanner.of(stack, (System.nanoTime() - t0) / 1_000_000));
      List<ManagedProcess> reported = new ArrayList<>();
      while (stopped.getCount() > 0) {
        // Ctrl-C reaches the children too (same process group): their exit is then expected
        for (ManagedProcess p : stopping.get() ? List.<ManagedProcess>of() : stack.exited()) {
          if (!reported.contains(p)) {
            reported.add(p);
            System.out.println("WARNING: " + p.name() + " exited; last lines of " + p.log() + ":\n" + p.tail(20));
          }
        }
        stopped.await(2, TimeUnit.SECONDS);
      }
      return 0;
    }
  }

  @Command(name = "topics", description = "Creates the registry's missing topics on a broker.")
  static final class TopicsCommand implements Callable<Integer> {
    @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}")
    String bootstrapServers;

    @Option(names = "--partitions", defaultValue = "12")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "1")
    short replicationFactor;

    @Override
    public Integer call() {
      List<String> created = TopicProvisioner.provision(bootstrapServers, partitions, replicationFactor);
      System.out.println(created.isEmpty() ? "all topics exist" : "created: " + String.join(", ", created));
      return 0;
    }
  }

  @Command(
      name = "secrets",
      description = "Generates the run folder's secrets file (.run/secrets.env, mode 0600) if missing and prints where it is.")
  static final class Secrets implements Callable<Integer> {
    @Option(names = "--run-dir", defaultValue = ".run", description = "the run folder (default ${DEFAULT-VALUE})")
    Path runDir;

    @Override
    public Integer call() {
      StackSecrets secrets = StackSecrets.forRun(runDir.toAbsolutePath().normalize(), java.util.Map.of());
      System.out.println(secrets.file() + " (" + String.join(", ", secrets.values().keySet()) + ")");
      return 0;
    }
  }

  @Command(name = "db", description = "Checks PostgreSQL (XOFI_DB_URL) and creates the database if missing.")
  static final class Database implements Callable<Integer> {
    @Override
    public Integer call() {
      DatabaseTarget db = DatabaseTarget.fromEnvironment(System.getenv());
      boolean created = DatabaseProvisioner.ensureDatabase(db);
      System.out.println(db.url() + (created ? ": database created" : ": database ready"));
      return 0;
    }
  }

}
