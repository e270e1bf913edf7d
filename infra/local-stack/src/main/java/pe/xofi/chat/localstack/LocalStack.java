package pe.xofi.chat.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole pipeline on one machine: a Kafka broker process, the topics of the registry, the
 * member database, the three services and the WHAPI sandbox, each as its own process. Closing it
 * stops everything in reverse order.
 */
public final class LocalStack implements AutoCloseable {

  /** Heap of each service JVM; small enough that four services and the broker fit in 4 GiB. */
  static final String SERVICE_HEAP = "-Xmx512m";

  private final StackConfig config;
  private final List<ManagedProcess> processes = new ArrayList<>();
  private final Map<ServiceModule, ManagedProcess> services = new EnumMap<>(ServiceModule.class);
  private ManagedProcess broker;

  private LocalStack(StackConfig config) {
    this.config = config;
  }

  /** Starts everything and returns once every service reports healthy; progress goes to {@code log}. */
  public static LocalStack start(StackConfig config, Consumer<String> log) {
    LocalStack stack = new LocalStack(config);
    try {
      stack.startAll(log);
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private void startAll(Consumer<String> log) {
    if (config.database() != null) {
      boolean created = DatabaseProvisioner.ensureDatabase(config.database());
      log.accept("PostgreSQL " + config.database().url() + (created ? " (database created)" : " (ready)"));
    }
    long t0 = System.nanoTime();
    broker = KafkaBroker.start(config);
    processes.add(broker);
    log.accept("Kafka broker at " + config.bootstrapServers() + " (pid " + broker.pid() + ", " + millisSince(t0) + " ms)");
    List<String> created = TopicProvisioner.provision(config.bootstrapServers(), 12, (short) 1);
    log.accept("Topics ready (" + (created.isEmpty() ? "all existed" : "created " + String.join(", ", created)) + ")");
    for (ServiceModule module : ServiceModule.values()) {
      ManagedProcess process = startService(module);
      services.put(module, process);
      processes.add(process);
    }
    for (ServiceModule module : ServiceModule.values()) {
      ManagedProcess process = services.get(module);
      process.awaitReady(() -> ManagedProcess.answers200(module.healthUrl(config)), Duration.ofSeconds(120));
      log.accept(module.artifact() + " up on port " + module.port(config) + " (pid " + process.pid() + ", " + millisSince(t0) + " ms)");
    }
  }

  private ManagedProcess startService(ServiceModule module) {
    return startService(module, Map.of());
  }

  private ManagedProcess startService(ServiceModule module, Map<String, String> extraEnvironment) {
    Map<String, String> environment = environmentOf(module);
    environment.putAll(extraEnvironment);
    List<String> command =
        List.of(
            ManagedProcess.java(),
            SERVICE_HEAP,
            "-XX:+ExitOnOutOfMemoryError",
            "-jar",
            module.executableJar(config.projectDir()).toString());
    return ManagedProcess.start(
        module.artifact(),
        command,
        environment,
        config.projectDir(),
        config.runDir().resolve("logs/" + module.artifact() + ".log"));
  }

  /** The environment of one service: ports and addresses of the others, then the user's overrides. */
  Map<String, String> environmentOf(ServiceModule module) {
    Map<String, String> env = new HashMap<>();
    env.put("PORT", Integer.toString(module.port(config)));
    env.put("KAFKA_BOOTSTRAP_SERVERS", config.bootstrapServers());
    env.put("WHAPI_BASE_URL", config.sandboxUrl());
    // the providers are the sandbox on this machine: outbound-service's media downloads may then use
    // plain HTTP to a private address, for the sandbox's own origin only
    env.put("SPRING_PROFILES_ACTIVE", "local");
    env.put("WHATSAPP_API_TOKEN", System.getenv().getOrDefault("WHATSAPP_API_TOKEN", "sandbox-token"));
    env.put("SANDBOX_INGRESS_URL", config.ingressUrl() + "/chatbot/webhook/whatsapp/");
    // Meta and Telegram talk to the sandbox too, signed and with a secret, so each channel can be demoed
    env.put("META_GRAPH_BASE_URL", config.sandboxUrl());
    env.put("TELEGRAM_API_BASE_URL", config.sandboxUrl());
    env.put("SANDBOX_TELEGRAM_INGRESS_URL", config.ingressUrl() + "/chatbot/webhook/telegram/");
    SandboxSecrets.defaults().forEach((name, value) -> env.put(name, System.getenv().getOrDefault(name, value)));
    // the local stack is the demo: members, loans and schedules of the demo data (only into an empty database)
    env.put("XOFI_DEMO_DATA", "true");
    env.put("XOFI_CONVERSATION_STATE_DIR", config.runDir().resolve("state/kafka-streams").toString());
    if (config.database() != null) {
      env.put("XOFI_DB_URL", config.database().url());
      env.put("XOFI_DB_USER", config.database().user());
      env.put("XOFI_DB_PASSWORD", config.database().password());
    }
    env.putAll(config.environment());
    return env;
  }

  public StackConfig config() {
    return config;
  }

  /** The running process of {@code module}. */
  public ManagedProcess service(ServiceModule module) {
    return services.get(module);
  }

  /** The running broker process. */
  public ManagedProcess broker() {
    return broker;
  }

  /** Kills {@code module} at once ({@code kill -9}), as a crash would; {@link #restart} brings it back. */
  public void kill(ServiceModule module) {
    services.get(module).kill();
  }

  /** Stops {@code module} gently (SIGTERM, then SIGKILL after 20 s). */
  public void stop(ServiceModule module) {
    services.get(module).close();
  }

  /**
   * Starts {@code module} again (after {@link #kill} or {@link #stop}) with the same ports,
   * environment and log file, and waits until it is ready.
   */
  public ManagedProcess restart(ServiceModule module, Duration readyWithin) {
    return restart(module, readyWithin, Map.of());
  }

  /**
   * As {@link #restart(ServiceModule, Duration)}, with {@code extraEnvironment} over the stack's
   * environment for this start only (a benchmark changing a rate limit between runs, say).
   */
  public ManagedProcess restart(ServiceModule module, Duration readyWithin, Map<String, String> extraEnvironment) {
    ManagedProcess old = services.get(module);
    if (old != null && old.isAlive()) {
      old.close();
    }
    ManagedProcess process = startService(module, extraEnvironment);
    processes.remove(old);
    processes.add(process);
    services.put(module, process);
    process.awaitReady(() -> ManagedProcess.answers200(module.healthUrl(config)), readyWithin);
    return process;
  }

  /** Kills the broker at once ({@code kill -9}); its data stays, {@link #restartBroker} resumes it. */
  public void killBroker() {
    broker.kill();
  }

  /** Stops the broker gently (a controlled shutdown). */
  public void stopBroker() {
    broker.close();
  }

  /** Starts the broker again on the same ports and data and waits until it answers. */
  public ManagedProcess restartBroker() {
    if (broker.isAlive()) {
      broker.close();
    }
    ManagedProcess old = broker;
    broker = KafkaBroker.start(config);
    processes.set(processes.indexOf(old), broker);
    return broker;
  }

  /** Processes that were started and have exited since. */
  public List<ManagedProcess> exited() {
    return processes.stream().filter(p -> !p.isAlive()).toList();
  }

  @Override
  public void close() {
    // services first, so none of them spins on a vanished broker while stopping
    List<ManagedProcess> reversed = new ArrayList<>(processes);
    java.util.Collections.reverse(reversed);
    reversed.stream().filter(p -> p != broker).parallel().forEach(ManagedProcess::close);
    if (broker != null) {
      broker.close();
    }
  }

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
