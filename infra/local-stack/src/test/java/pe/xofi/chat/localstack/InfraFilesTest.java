package pe.xofi.chat.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, the k8s manifests and the Prometheus scrape config agree with the code: every
 * service is there, on the port its configuration defaults to (the documented ports), with only
 * environment variables its configuration reads, and probes on actuator health.
 */
class InfraFilesTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final StackConfig PORTS = StackConfig.defaults(ROOT, null);

  /** Each application: its configuration file and its documented port. */
  private static final Map<String, App> APPS =
      Map.of(
          "ingress-service", new App("ingress-service/src/main/resources/application.yml", PORTS.ingressPort()),
          "conversation-service", new App("conversation-service/src/main/resources/application.yml", PORTS.conversationPort()),
          "outbound-service", new App("outbound-service/src/main/resources/application.yml", PORTS.outboundPort()),
          "whapi-sandbox", new App("infra/whapi-sandbox/src/main/resources/whapi-sandbox.properties", PORTS.sandboxPort()));

  private record App(String configFile, int port) {
    Set<String> variables() throws IOException {
      Set<String> names = new TreeSet<>();
      Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(Files.readString(ROOT.resolve(configFile)));
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    }

    int defaultPort() throws IOException {
      Matcher m = Pattern.compile("\\$\\{PORT:(\\d+)}").matcher(Files.readString(ROOT.resolve(configFile)));
      assertThat(m.find()).as("%s reads PORT", configFile).isTrue();
      return Integer.parseInt(m.group(1));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldRunEveryPartOfTheStackInDockerCompose() throws IOException {
    // given
    Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml")).getFirst();
    Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

    // then
    assertThat(services.keySet())
        .containsExactlyInAnyOrder(
            "kafka", "topics", "postgres", "ingress-service", "conversation-service", "outbound-service",
            "whapi-sandbox", "kafka-exporter", "prometheus", "grafana");
    assertThat((String) services.get("kafka").get("image")).startsWith("apache/kafka:");
    for (Map.Entry<String, App> app : APPS.entrySet()) {
      Map<String, Object> service = services.get(app.getKey());
      Map<String, Object> env = (Map<String, Object>) service.get("environment");
      int port = app.getValue().port();
      assertThat(app.getValue().defaultPort()).as("%s default port", app.getKey()).isEqualTo(port);
      assertThat(env.get("PORT")).as("%s PORT", app.getKey()).isEqualTo(port);
      assertThat((List<String>) service.get("ports")).as("%s ports", app.getKey()).containsExactly(port + ":" + port);
      assertThat(app.getValue().variables()).as("variables %s reads", app.getKey()).containsAll(env.keySet());
      assertThat(Files.exists(ROOT.resolve((String) service.get("build")).resolve("Dockerfile"))).isTrue();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldDeployTheServicesOnKubernetesWithProbesLimitsAndKnownVariables() throws IOException {
    for (String name : List.of("ingress-service", "conversation-service", "outbound-service")) {
      // given
      List<Map<String, Object>> documents = yaml(ROOT.resolve("infra/k8s/" + name + ".yaml"));
      Map<String, Object> deployment = kind(documents, "Deployment");
      Map<String, Object> service = kind(documents, "Service");
      Map<String, Object> container =
          ((List<Map<String, Object>>) at(deployment, "spec", "template", "spec", "containers")).getFirst();
      App app = APPS.get(name);

      // then
      assertThat(((List<Map<String, Object>>) container.get("ports")).getFirst().get("containerPort")).isEqualTo(app.port());
      assertThat(((List<Map<String, Object>>) at(service, "spec", "ports")).getFirst().get("port")).isEqualTo(app.port());
      List<String> variables = ((List<Map<String, Object>>) container.get("env")).stream().map(e -> (String) e.get("name")).toList();
      assertThat(app.variables()).as("variables %s reads", name).containsAll(variables);
      assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
      assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
      assertThat((Map<String, Object>) at(container, "resources", "limits")).containsKeys("cpu", "memory");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldScrapeEveryServiceOnItsPort() throws IOException {
    // given
    Map<String, Object> prometheus = yaml(ROOT.resolve("infra/prometheus/prometheus.yml")).getFirst();

    // when
    List<String> targets = new ArrayList<>();
    for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
      for (Map<String, Object> group : (List<Map<String, Object>>) job.get("static_configs")) {
        targets.addAll((List<String>) group.get("targets"));
      }
    }

    // then
    assertThat(targets)
        .containsExactlyInAnyOrder(
            "ingress-service:" + PORTS.ingressPort(),
            "conversation-service:" + PORTS.conversationPort(),
            "outbound-service:" + PORTS.outboundPort(),
            "kafka-exporter:9308");
  }

  private static List<Map<String, Object>> yaml(Path file) throws IOException {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : new Yaml().loadAll(Files.readString(file))) {
      if (document != null) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) document;
        documents.add(map);
      }
    }
    return documents;
  }

  private static Map<String, Object> kind(List<Map<String, Object>> documents, String kind) {
    return documents.stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Object at(Map<String, Object> map, String... path) {
    Object node = map;
    for (String key : path) {
      node = ((Map<String, Object>) node).get(key);
    }
    return node;
  }
}
