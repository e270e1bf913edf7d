package pe.xofi.chat.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import pe.xofi.chat.localstack.DatabaseTarget;
import pe.xofi.chat.localstack.LocalStack;
import pe.xofi.chat.localstack.StackConfig;

/**
 * Starts the real stack (broker process, services, sandbox) on free ports for system tests, with
 * its data and logs under {@code target/stack-run} so it never touches a developer's running stack.
 */
final class RunningStack {

  private RunningStack() {}

  static LocalStack start(Map<String, String> environment) {
    Path projectDir = Path.of("../..").toAbsolutePath().normalize();
    // a new database per run, so the demo data is loaded fresh and ticket numbers start at 1
    DatabaseTarget db =
        DatabaseTarget.fromEnvironment(
            Map.of("XOFI_DB_URL", "postgresql://localhost:5432/xofi_system_test_" + Long.toString(System.currentTimeMillis(), 36)));
    StackConfig config =
        new StackConfig(
            projectDir,
            Path.of("target/stack-run-" + System.nanoTime()).toAbsolutePath(),
            freePort(),
            freePort(),
            freePort(),
            freePort(),
            freePort(),
            freePort(),
            db,
            environment);
    return LocalStack.start(config, line -> System.out.println("[stack] " + line));
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
