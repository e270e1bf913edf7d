package pe.xofi.chat.system.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import pe.xofi.chat.localstack.DatabaseTarget;
import pe.xofi.chat.system.RunningStack;

/**
 * A PostgreSQL cluster of our own (initdb under {@code /tmp}, its own port, run as the {@code
 * postgres} user), so a scenario can stop the database without touching the machine's shared one.
 */
final class PrivatePostgres implements AutoCloseable {

  private final Path bin;
  private final Path dir;
  private final int port;

  private PrivatePostgres(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
  }

  /** Creates and starts a cluster on a free port. */
  static PrivatePostgres create() {
    Path bin = installedBin();
    try {
      Path dir = Files.createTempDirectory(Path.of("/tmp"), "xofi-chaos-pg-");
      run("chown", "postgres:postgres", dir.toString());
      PrivatePostgres postgres = new PrivatePostgres(bin, dir, RunningStack.freePort());
      postgres.asPostgres(bin.resolve("initdb").toString(), "-D", postgres.data(), "-U", "postgres", "-A", "trust", "--no-sync");
      postgres.start();
      return postgres;
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a private PostgreSQL cluster", e);
    }
  }

  /** The member database {@code name} on this cluster (the stack creates it). */
  DatabaseTarget database(String name) {
    return new DatabaseTarget("127.0.0.1", port, name, "postgres", "");
  }

  void start() {
    asPostgres(bin.resolve("pg_ctl").toString(), "-D", data(), "-l", dir.resolve("postgres.log").toString(), "-w", "-t", "60",
        "-o", "-p " + port + " -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100", "start");
  }

  /** Fast shutdown: open connections are cut, as when the database host goes away. */
  void stop() {
    asPostgres(bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "fast", "-w", "-t", "60", "stop");
  }

  @Override
  public void close() {
    try {
      stop();
    } catch (RuntimeException e) {
      System.err.println("[chaos] private PostgreSQL did not stop cleanly: " + e.getMessage());
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      System.err.println("[chaos] could not delete " + dir + ": " + e.getMessage());
    }
  }

  private String data() {
    return dir.resolve("data").toString();
  }

  private void asPostgres(String... command) {
    List<String> full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
    full.addAll(List.of(command));
    run(full.toArray(String[]::new));
  }

  private static void run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command[0], e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The newest installed server ({@code /usr/lib/postgresql/<major>/bin}). */
  private static Path installedBin() {
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions
          .filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
          .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
          .map(v -> v.resolve("bin"))
          .orElseThrow(() -> new IllegalStateException("no PostgreSQL server under /usr/lib/postgresql"));
    } catch (IOException e) {
      throw new IllegalStateException("no PostgreSQL server under /usr/lib/postgresql", e);
    }
  }
}
