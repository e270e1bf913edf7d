package pe.xofi.chat.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import java.util.List;
import pe.xofi.chat.localstack.LocalStack;
import pe.xofi.chat.localstack.ServiceModule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every metric a Grafana panel queries is exported on {@code /actuator/prometheus} by a running
 * service (on its management port, which trusts 127.0.0.1 without a login, as Prometheus is trusted
 * by its address), after a little traffic (counters exist from their first increment), except those listed
 * as pending with the reason.
 */
class DashboardMetricsSystemIT {

  /**
   * Panels built on metrics that no service exports yet, with the reason; none today (outbound
   * registers its retry and dead-letter counters at zero and times every reply end to end).
   */
  static final Set<String> PENDING = Set.of();

  private static final Pattern METRIC = Pattern.compile("\\b((?:xofi|kafka)_[a-z0-9_]+)");

  @Test
  void shouldExportEveryMetricTheDashboardsQuery() throws Exception {
    // given: traffic, including a failed identification
    LocalStack stack = RunningStack.shared();
    SandboxMember member = new SandboxMember(stack.config().sandboxUrl(), "51955500707");
    member.says("Hola");
    member.says("DNI 00000000 año 1900");
    Set<String> queried = dashboardMetrics();

    // when / then: lag gauges appear once the exporters' first refresh saw committed offsets
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(() -> {
          Set<String> exported = exported(stack);
          Set<String> missing = new TreeSet<>(queried);
          missing.removeAll(exported);
          missing.removeAll(PENDING);
          assertThat(missing).as("queried by a dashboard panel but exported by no service").isEmpty();
        });
    assertThat(queried).containsAll(PENDING);
  }

  private static Set<String> dashboardMetrics() throws Exception {
    Set<String> names = new TreeSet<>();
    JsonMapper json = JsonMapper.builder().build();
    try (Stream<Path> files = Files.list(Path.of("../grafana/dashboards"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        for (JsonNode panel : json.readTree(file.toFile()).get("panels")) {
          for (JsonNode target : panel.get("targets")) {
            Matcher m = METRIC.matcher(target.get("expr").asString());
            while (m.find()) {
              names.add(m.group(1));
            }
          }
        }
      }
    }
    return names;
  }

  private static Set<String> exported(LocalStack stack) throws Exception {
    Set<String> names = new TreeSet<>();
    HttpClient http = HttpClient.newHttpClient();
    for (ServiceModule service : List.of(ServiceModule.INGRESS, ServiceModule.CONVERSATION, ServiceModule.OUTBOUND)) {
      HttpResponse<String> response =
          http.send(HttpRequest.newBuilder(URI.create(service.actuatorUrl(stack.config()) + "/prometheus")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("%s /actuator/prometheus from 127.0.0.1", service.artifact()).isEqualTo(200);
      String body = response.body();
      body.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(l -> names.add(l.split("[{ ]", 2)[0]));
    }
    return names;
  }
}
