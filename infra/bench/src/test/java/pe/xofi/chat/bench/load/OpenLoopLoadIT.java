package pe.xofi.chat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.localstack.ManagedProcess;
import pe.xofi.chat.localstack.ServiceModule;
import pe.xofi.chat.localstack.TopicProvisioner;
import pe.xofi.chat.testsupport.KafkaTestBroker;

/**
 * The generator for a few seconds against the real ingress-service process (its {@code -exec}
 * jar, with a WHAPI secret, actuator on its management port) on the shared test broker: it keeps
 * the schedule and every webhook it makes is accepted.
 */
class OpenLoopLoadIT {

  private static final String WEBHOOK_SECRET = "open-loop-" + java.util.UUID.randomUUID();

  private static ManagedProcess ingress;
  private static int port;

  @BeforeAll
  static void startIngress() throws IOException {
    Path projectDir = Path.of("../..").toAbsolutePath().normalize();
    String bootstrap = KafkaTestBroker.bootstrapServers();
    TopicProvisioner.provision(bootstrap, 12, (short) 1);
    port = freePort();
    int managementPort = freePort();
    ingress = ManagedProcess.start(
        "ingress-service",
        List.of(ManagedProcess.java(), "-Xmx256m", "-jar", ServiceModule.INGRESS.executableJar(projectDir).toString()),
        Map.of("PORT", Integer.toString(port), "MANAGEMENT_SERVER_PORT", Integer.toString(managementPort),
            "SPRING_PROFILES_ACTIVE", "local", "KAFKA_BOOTSTRAP_SERVERS", bootstrap, "WHATSAPP_WEBHOOK_SECRET", WEBHOOK_SECRET),
        projectDir,
        Path.of("target/open-loop-it/ingress-service.log").toAbsolutePath());
    ingress.awaitReady(
        () -> ManagedProcess.answers200("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"), Duration.ofSeconds(120));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @AfterAll
  static void stopIngress() {
    if (ingress != null) {
      ingress.close();
    }
  }

  @Test
  void shouldPostEveryScheduledWebhookAndHaveEachAcceptedByTheIngress() {
    // given
    OpenLoopLoad load = new OpenLoopLoad(URI.create("http://localhost:" + port + "/chatbot/webhook/whatsapp/"), WEBHOOK_SECRET);
    ConversationScript script = new ConversationScript(new PhoneBook(50), "smoke" + System.nanoTime());
    // when
    LoadResult result = load.run(new ArrivalSchedule(200, Duration.ofSeconds(3)), script, 0);
    // then
    assertThat(result.sent()).isEqualTo(600);
    assertThat(result.statuses()).as("first refusal: %s", result.firstRefusal()).isEqualTo(Map.of(200, 600L));
    assertThat(result.errors()).isZero();
    assertThat(result.latency().getTotalCount()).isEqualTo(600);
    assertThat(result.perSecond().stream().mapToLong(h -> h.getTotalCount()).sum()).isEqualTo(600);
    assertThat(result.intendedEpochMillis()[599] - result.intendedEpochMillis()[0]).isEqualTo(2995);
  }
}
