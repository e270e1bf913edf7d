package pe.xofi.chat.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/** The Spring Boot applications of the stack, where their executable jars are built and their port. */
public enum ServiceModule {
  SANDBOX("whapi-sandbox", "infra/whapi-sandbox", StackConfig::sandboxPort),
  INGRESS("ingress-service", "ingress-service", StackConfig::ingressPort),
  CONVERSATION("conversation-service", "conversation-service", StackConfig::conversationPort),
  OUTBOUND("outbound-service", "outbound-service", StackConfig::outboundPort);

  private final String artifact;
  private final String moduleDir;
  private final ToIntFunction<StackConfig> port;

  ServiceModule(String artifact, String moduleDir, ToIntFunction<StackConfig> port) {
    this.artifact = artifact;
    this.moduleDir = moduleDir;
    this.port = port;
  }

  public String artifact() {
    return artifact;
  }

  public int port(StackConfig config) {
    return port.applyAsInt(config);
  }

  public String healthUrl(StackConfig config) {
    return "http://localhost:" + port(config) + "/actuator/health/readiness";
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
