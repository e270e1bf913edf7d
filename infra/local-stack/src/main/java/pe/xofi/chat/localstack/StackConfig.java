package pe.xofi.chat.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack lives and which ports it uses.
 *
 * @param projectDir                 the repository root (holds the modules' {@code target} folders)
 * @param runDir                     data, logs and {@code secrets.env} of this run ({@code .run} by default)
 * @param kafkaPort                  the broker's client port
 * @param controllerPort             the KRaft controller port
 * @param ingressPort                ingress-service HTTP port
 * @param conversationPort           conversation-service HTTP port
 * @param outboundPort               outbound-service HTTP port
 * @param sandboxPort                whapi-sandbox HTTP port (its actuator too: a dev tool keeps one port)
 * @param ingressManagementPort      ingress-service actuator port ({@code MANAGEMENT_SERVER_PORT})
 * @param conversationManagementPort conversation-service actuator port
 * @param outboundManagementPort     outbound-service actuator port
 * @param database                   PostgreSQL to check and prepare, or null to skip it
 * @param environment                extra environment for every service; wins over the generated secrets
 */
public record StackConfig(
    Path projectDir,
    Path runDir,
    int kafkaPort,
    int controllerPort,
    int ingressPort,
    int conversationPort,
    int outboundPort,
    int sandboxPort,
    int ingressManagementPort,
    int conversationManagementPort,
    int outboundManagementPort,
    DatabaseTarget database,
    Map<String, String> environment) {

  public StackConfig {
    environment = Map.copyOf(environment);
  }

  /** The documented default ports (services 8080-8082, their actuator 8180-8182) under {@code projectDir/.run}. */
  public static StackConfig defaults(Path projectDir, DatabaseTarget database) {
    return new StackConfig(
        projectDir, projectDir.resolve(".run"), 9092, 9093, 8080, 8081, 8082, 8090, 8180, 8181, 8182, database, Map.of());
  }

  /** A stack on free ports (tests, the bench), so it never meets a developer's running stack. */
  public static StackConfig onFreePorts(Path projectDir, Path runDir, DatabaseTarget database, Map<String, String> environment) {
    return new StackConfig(
        projectDir, runDir, freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
        freePort(), database, environment);
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + kafkaPort;
  }

  public String ingressUrl() {
    return "http://localhost:" + ingressPort;
  }

  public String sandboxUrl() {
    return "http://localhost:" + sandboxPort;
  }

  /** The runtime classpath folder of this module, which also holds the Kafka server jars. */
  public Path libDir() {
    return projectDir.resolve("infra/local-stack/target/lib");
  }

  /** Where the run's generated secrets are kept (mode 0600). */
  public Path secretsFile() {
    return runDir.resolve(StackSecrets.FILE_NAME);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
