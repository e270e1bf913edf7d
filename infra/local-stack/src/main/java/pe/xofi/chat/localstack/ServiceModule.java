package pe.xofi.chat.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * The Spring Boot applications of the stack, where their executable jars are built, their HTTP port
 * and their management (actuator) port; the sandbox is a dev tool and serves its actuator on its own port.
 */
public enum ServiceModule {
  SANDBOX("whapi-sandbox", "infra/whapi-sandbox", StackConfig::sandboxPort, StackConfig::sandboxPort),
  INGRESS("ingress-service", "ingress-service", StackConfig::ingressPort, StackConfig::ingressManagementPort),
  CONVERSATION("conversation-service", "conversation-service", StackConfig::conversationPort,
      StackConfig::conversationManagementPort),
  OUTBOUND("outbound-service", "outbound-service", StackConfig::outboundPort, StackConfig::outboundManagementPort);

  private final String artifact;
  private final String moduleDir;
  private final ToIntFunction<StackConfig> port;
  private final ToIntFunction<StackConfig> managementPort;

  ServiceModule(String artifact, String moduleDir, ToIntFunction<StackConfig> port, ToIntFunction<StackConfig> managementPort) {
    this.artifact = artifact;
    this.moduleDir = moduleDir;
    this.port = port;
    this.managementPort = managementPort;
  }

  public String artifact() {
    return artifact;
  }

  public int port(StackConfig config) {
    return port.applyAsInt(config);
  }

  /** The actuator's port: {@code MANAGEMENT_SERVER_PORT} of a service, the HTTP port of the sandbox. */
  public int managementPort(StackConfig config) {
    return managementPort.applyAsInt(config);
  }

  /** Whether actuator has a port of its own, apart from the HTTP port members and providers reach. */
  public boolean hasManagementPort() {
    return this != SANDBOX;
  }

  /** The actuator root, e.g. {@code http://127.0.0.1:8180/actuator} (bound to loopback, reachable without login there). */
  public String actuatorUrl(StackConfig config) {
    return "http://127.0.0.1:" + managementPort(config) + "/actuator";
  }

  /** The readiness probe, open to anonymous callers on the management port. */
  public String healthUrl(StackConfig config) {
    return actuatorUrl(config) + "/health/readiness";
  }

  /** The repackaged ({@code -exec}) jar of the module; fails with a hint when it is not built. */
  public Path executableJar(Path projectDir) {
    Path target = projectDir.resolve(moduleDir).resolve("target");
    try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
      return files
          .filter(f -> f.getFileName().toString().matches(artifact + "-.*-exec\\.jar"))
          .findFirst()
          .orElseThrow(
              () -> new StackException(artifact + " is not built (no " + target + "/" + artifact + "-*-exec.jar); run ./xofi build"));
    } catch (IOException e) {
      throw new StackException("cannot read " + target, e);
    }
  }
}
