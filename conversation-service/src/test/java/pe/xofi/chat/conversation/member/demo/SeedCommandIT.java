package pe.xofi.chat.conversation.member.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pe.xofi.chat.testsupport.PostgresTestDatabase;

/**
 * The packaged service run as {@code java -jar conversation-service-exec.jar seed} against an empty
 * database and a Kafka address where nothing listens: it migrates, loads and exits 0 by itself.
 */
class SeedCommandIT {

  private PostgresTestDatabase database;

  @BeforeEach
  void createDatabase() {
    database = PostgresTestDatabase.create("seed_command_it");
  }

  @AfterEach
  void dropDatabase() {
    database.drop();
  }

  @Test
  void shouldMigrateLoadAndExitWithoutStartingTheService(@TempDir Path work) throws Exception {
    // given
    File log = work.resolve("seed.log").toFile();
    ProcessBuilder seed =
        new ProcessBuilder(java(), "-jar", executableJar().toString(), "seed")
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log);
    seed.environment().put("XOFI_DB_URL", database.url());
    seed.environment().put("XOFI_DB_USER", database.user());
    seed.environment().put("XOFI_DB_PASSWORD", database.password());
    seed.environment().put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");

    // when
    Process process = seed.start();
    boolean exited = process.waitFor(90, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }

    // then
    String output = Files.readString(log.toPath());
    assertThat(exited).as(output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    try (var connection = database.connect();
        var statement = connection.createStatement();
        var counts = statement.executeQuery(
            "SELECT (SELECT count(*) FROM partner), (SELECT count(*) FROM loan), (SELECT count(*) FROM installment)")) {
      counts.next();
      assertThat(List.of(counts.getLong(1), counts.getLong(2), counts.getLong(3))).isEqualTo(List.of(3L, 3L, 42L));
    }
    assertThat(output).contains("Demo data loaded: 3 partners, 3 loans, 42 installments");
    assertThat(output).doesNotContain("12345678", "51987654321", "Quispe");
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** The repackaged jar that {@code package} wrote before Failsafe runs. */
  private static Path executableJar() throws IOException {
    try (Stream<Path> jars = Files.list(Path.of("target"))) {
      return jars.filter(jar -> jar.getFileName().toString().endsWith("-exec.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("run 'mvn verify': target/*-exec.jar is missing"))
          .toAbsolutePath();
    }
  }
}
