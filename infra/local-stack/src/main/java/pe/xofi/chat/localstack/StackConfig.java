package pe.xofi.chat.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack lives and which ports it uses.
 *
 * @param projectDir      the repository root (holds the modules' {@code target} folders)
 * @param runDir          data and logs of this run ({@code .run} by default)
 * @param kafkaPort       the broker's client port
 * @param controllerPort  the KRaft controller port
 * @param ingressPort     ingress-service HTTP port
 * @param conversationPort conversation-service HTTP port
 * @param outboundPort    outbound-service HTTP port
 * @param sandboxPort     whapi-sandbox HTTP port
 * @param database        PostgreSQL to check and prepare, or null to skip it
 * @param environment     extra environment for every service (e.g. secrets set by the user)
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
    DatabaseTarget database,
    Map<String, String> environment) {

  public StackConfig {
    environment = Map.copyOf(environment);
  }

  /** The documented default ports (DESIGN.md) under {@code projectDir/.run}. */
  public static StackConfig defaults(Path projectDir, DatabaseTarget database) {
    return new StackConfig(
        projectDir, projectDir.resolve(".run"), 9092, 9093, 8080, 8081, 8082, 8090, database, Map.of());
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
}
