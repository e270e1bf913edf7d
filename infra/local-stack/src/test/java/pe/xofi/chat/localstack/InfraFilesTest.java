package pe.xofi.chat.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, the k8s manifests and the Prometheus scrape config agree with the code: every
 * service is there on its documented port, reads only variables its configuration knows, is given
 * every variable it needs (the placeholders of its configuration without a default, every secret it
 * reads, and the secrets of the issue-13 contract) as a required secret, keeps its management port
 * out of any Service and any published port, and only the ingress's public port is reachable from
 * outside the namespace.
 */
class InfraFilesTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final StackConfig PORTS = StackConfig.defaults(ROOT, null);
  private static final List<String> SERVICES = List.of("ingress-service", "conversation-service", "outbound-service");

  /** Variables that hold credentials: always from a Secret (k8s) or a required variable (compose). */
  private static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|TOKEN|PASSWORD|STAFF_USERS|KEYSET).*");

  /** Variables Spring Boot binds without a placeholder (relaxed binding) that the manifests set. */
  private static final Set<String> SPRING_VARIABLES =
      Set.of("SPRING_PROFILES_ACTIVE", "MANAGEMENT_SERVER_PORT", "MANAGEMENT_SERVER_ADDRESS");

  /** Variables of the shared staff-security and webhook-auth code (issue 13 contract) every service reads. */
  private static final Set<String> CONTRACT_VARIABLES =
      Set.of("XOFI_STAFF_USERS", "XOFI_MANAGEMENT_TRUSTED_NETWORKS", "XOFI_STAFF_OIDC_ROLES_CLAIM");

  /** Of those, what ingress-service reads besides. */
  private static final Set<String> INGRESS_CONTRACT_VARIABLES =
      Set.of("XOFI_WEBHOOK_PROVIDERS", "XOFI_ALLOW_UNAUTHENTICATED_WEBHOOKS");

  /** The secrets each service must be given in every deployment (issue 13 contract; issue 14: the data key set). */
  private static final Map<String, Set<String>> CONTRACT_SECRETS =
      Map.of(
          "ingress-service", Set.of("WHATSAPP_WEBHOOK_SECRET", "WHATSAPP_APP_SECRET", "TELEGRAM_WEBHOOK_SECRET",
              "WHATSAPP_WEBHOOK_VERIFY_TOKEN", "XOFI_STAFF_USERS", "XOFI_DATA_KEYSET", "XOFI_DB_PASSWORD"),
          "conversation-service", Set.of("XOFI_DB_PASSWORD", "XOFI_STAFF_USERS", "XOFI_DATA_KEYSET"),
          "outbound-service", Set.of("WHATSAPP_API_TOKEN", "TELEGRAM_BOT_TOKEN", "XOFI_DB_PASSWORD", "XOFI_STAFF_USERS",
              "XOFI_DATA_KEYSET"),
          "whapi-sandbox", Set.of());

  /** Each application: its configuration file, its documented port and its management port. */
  private static final Map<String, App> APPS =
      Map.of(
          "ingress-service", new App("ingress-service", "ingress-service/src/main/resources/application.yml",
              PORTS.ingressPort(), PORTS.ingressManagementPort()),
          "conversation-service", new App("conversation-service", "conversation-service/src/main/resources/application.yml",
              PORTS.conversationPort(), PORTS.conversationManagementPort()),
          "outbound-service", new App("outbound-service", "outbound-service/src/main/resources/application.yml",
              PORTS.outboundPort(), PORTS.outboundManagementPort()),
          "whapi-sandbox", new App("whapi-sandbox", "infra/whapi-sandbox/src/main/resources/whapi-sandbox.properties",
              PORTS.sandboxPort(), PORTS.sandboxPort()));

  private record App(String name, String configFile, int port, int managementPort) {

    /** Placeholder name to whether it has a default ({@code ${VAR:default}}). */
    Map<String, Boolean> placeholders() throws IOException {
      Map<String, Boolean> names = new LinkedHashMap<>();
      Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:)?").matcher(Files.readString(ROOT.resolve(configFile)));
      while (m.find()) {
        names.merge(m.group(1), m.group(2) != null, Boolean::logicalAnd);
      }
      return names;
    }

    /** Every variable the application reads. */
    Set<String> variables() throws IOException {
      Set<String> names = new TreeSet<>(placeholders().keySet());
      if (!name.equals("whapi-sandbox")) {
        names.addAll(SPRING_VARIABLES);
        names.addAll(CONTRACT_VARIABLES);
      }
      if (name.equals("ingress-service")) {
        names.addAll(INGRESS_CONTRACT_VARIABLES);
      }
      return names;
    }

    /** Every variable a deployment must set: no default in the configuration, a credential, or the contract's. */
    Set<String> needed() throws IOException {
      Set<String> names = new TreeSet<>(CONTRACT_SECRETS.get(name));
      placeholders().forEach((variable, hasDefault) -> {
        if (!hasDefault || SECRET_NAME.matcher(variable).matches()) {
          names.add(variable);
        }
      });
      return names;
    }

    int defaultPort() throws IOException {
      Matcher m = Pattern.compile("\\$\\{PORT:(\\d+)}").matcher(Files.readString(ROOT.resolve(configFile)));
      assertThat(m.find()).as("%s reads PORT", configFile).isTrue();
      return Integer.parseInt(m.group(1));
    }
  }

  // ---------------------------------------------------------------- docker-compose

  @Test
  @SuppressWarnings("unchecked")
  void shouldRunEveryPartOfTheStackInDockerComposeOnItsPortWithKnownVariables() throws IOException {
    // given
    Map<String, Map<String, Object>> services = composeServices();

    // then
    assertThat(services.keySet())
        .containsExactlyInAnyOrder(
            "kafka", "topics", "postgres", "ingress-service", "conversation-service", "outbound-service",
            "whapi-sandbox", "kafka-exporter", "prometheus", "grafana");
    assertThat((String) services.get("kafka").get("image")).startsWith("apache/kafka:");
    for (App app : APPS.values()) {
      Map<String, Object> service = services.get(app.name());
      Map<String, Object> env = (Map<String, Object>) service.get("environment");
      assertThat(app.defaultPort()).as("%s default port", app.name()).isEqualTo(app.port());
      assertThat(env.get("PORT")).as("%s PORT", app.name()).isEqualTo(app.port());
      // only the ingress faces the providers; the rest answers on the host's loopback only
      String published = app.name().equals("ingress-service") ? app.port() + ":" + app.port() : "127.0.0.1:" + app.port() + ":" + app.port();
      assertThat((List<String>) service.get("ports")).as("%s ports", app.name()).containsExactly(published);
      assertThat(app.variables()).as("variables %s reads", app.name()).containsAll(env.keySet());
      assertThat(Files.exists(ROOT.resolve((String) service.get("build")).resolve("Dockerfile"))).isTrue();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldRequireEverySecretAServiceNeedsInDockerComposeWithoutAWrittenDefault() throws IOException {
    // given
    Map<String, Map<String, Object>> services = composeServices();
    List<String> problems = new ArrayList<>();

    // when
    for (App app : APPS.values()) {
      Map<String, Object> env = (Map<String, Object>) services.get(app.name()).get("environment");
      for (String variable : app.needed()) {
        Object value = env.get(variable);
        if (value == null) {
          problems.add(app.name() + ": " + variable + " missing");
        } else if (!String.valueOf(value).matches("\\$\\{" + variable + ":\\?[^}]+}")) {
          problems.add(app.name() + ": " + variable + " must be ${" + variable + ":?set " + variable + "}, is " + value);
        }
      }
      env.forEach((variable, value) -> {
        if (SECRET_NAME.matcher(variable).matches() && !String.valueOf(value).matches("\\$\\{" + variable + ":\\?[^}]+}")) {
          problems.add(app.name() + ": " + variable + " has a written value or default: " + value);
        }
      });
    }

    // then
    assertThat(problems).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldKeepManagementPortsDemoDataAndDevToolsOffThePublicInterfacesInDockerCompose() throws IOException {
    // given
    Map<String, Map<String, Object>> services = composeServices();
    List<String> problems = new ArrayList<>();

    // when
    for (String name : SERVICES) {
      App app = APPS.get(name);
      Map<String, Object> env = (Map<String, Object>) services.get(name).get("environment");
      if (!Integer.valueOf(app.managementPort()).equals(env.get("MANAGEMENT_SERVER_PORT"))) {
        problems.add(name + ": MANAGEMENT_SERVER_PORT is " + env.get("MANAGEMENT_SERVER_PORT") + ", not " + app.managementPort());
      }
      for (String mapping : (List<String>) services.get(name).getOrDefault("ports", List.of())) {
        if (mapping.endsWith(":" + app.managementPort())) {
          problems.add(name + ": management port published as " + mapping);
        }
      }
    }
    for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
      for (String mapping : (List<String>) service.getValue().getOrDefault("ports", List.of())) {
        if (!service.getKey().equals("ingress-service") && !mapping.startsWith("127.0.0.1:")) {
          problems.add(service.getKey() + ": published on every interface as " + mapping);
        }
      }
    }
    Object demo = ((Map<String, Object>) services.get("conversation-service").get("environment")).get("XOFI_DEMO_DATA");
    if (demo != null && !String.valueOf(demo).matches("\\$\\{XOFI_DEMO_DATA:-false}|false")) {
      problems.add("conversation-service: demo data on by default (" + demo + ")");
    }
    Map<String, Object> grafana = (Map<String, Object>) services.get("grafana").get("environment");
    if (grafana == null || String.valueOf(grafana.get("GF_AUTH_ANONYMOUS_ENABLED")).equals("true")
        || !String.valueOf(grafana.get("GF_SECURITY_ADMIN_PASSWORD")).startsWith("${GRAFANA_ADMIN_PASSWORD:?")) {
      problems.add("grafana: anonymous access or the default admin password (" + grafana + ")");
    }

    // then
    assertThat(problems).isEmpty();
  }

  // ---------------------------------------------------------------- Kubernetes

  @Test
  @SuppressWarnings("unchecked")
  void shouldDeployTheServicesOnKubernetesWithProbesOnTheManagementPortLimitsAndKnownVariables() throws IOException {
    for (String name : SERVICES) {
      // given
      List<Map<String, Object>> documents = yaml(ROOT.resolve("infra/k8s/" + name + ".yaml"));
      Map<String, Object> deployment = kind(documents, "Deployment");
      Map<String, Object> service = kind(documents, "Service");
      Map<String, Object> container = container(deployment);
      App app = APPS.get(name);
      Map<String, Integer> ports = containerPorts(container);
      Map<String, Object> env = env(container);

      // then
      assertThat(ports).as("%s container ports", name).isEqualTo(Map.of("http", app.port(), "management", app.managementPort()));
      assertThat(((List<Map<String, Object>>) at(service, "spec", "ports")).stream().map(p -> p.get("port")).toList())
          .as("%s Service ports (never the management port)", name).containsExactly(app.port());
      assertThat(((List<Map<String, Object>>) at(service, "spec", "ports")).stream().map(p -> p.get("targetPort")).toList())
          .as("%s Service target ports", name).containsExactly("http");
      assertThat(app.variables()).as("variables %s reads", name).containsAll(env.keySet());
      assertThat(env.get("MANAGEMENT_SERVER_PORT")).isEqualTo(Map.of("value", Integer.toString(app.managementPort())));
      assertThat(env.get("MANAGEMENT_SERVER_ADDRESS")).isEqualTo(Map.of("value", "0.0.0.0"));
      assertThat(env).containsKey("XOFI_MANAGEMENT_TRUSTED_NETWORKS");
      for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
        assertThat(at(container, probe, "httpGet", "port")).as("%s %s port", name, probe).isEqualTo("management");
      }
      assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
      assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
      assertThat((Map<String, Object>) at(container, "resources", "limits")).containsKeys("cpu", "memory");
      assertThat((Map<String, Object>) at(deployment, "spec", "template", "metadata", "annotations"))
          .containsEntry("prometheus.io/port", Integer.toString(app.managementPort()))
          .containsEntry("prometheus.io/path", "/actuator/prometheus");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldWireEverySecretAServiceNeedsOnKubernetesFromTheSecretAsRequired() throws IOException {
    // given
    List<String> problems = new ArrayList<>();

    // when
    for (String name : SERVICES) {
      Map<String, Object> env = env(container(kind(yaml(ROOT.resolve("infra/k8s/" + name + ".yaml")), "Deployment")));
      for (String variable : APPS.get(name).needed()) {
        if (!env.containsKey(variable)) {
          problems.add(name + ": " + variable + " missing");
        }
      }
      env.forEach((variable, source) -> {
        Map<String, Object> secretRef = (Map<String, Object>) at((Map<String, Object>) source, "valueFrom", "secretKeyRef");
        if (SECRET_NAME.matcher(variable).matches() && secretRef == null) {
          problems.add(name + ": " + variable + " not from a Secret: " + source);
        }
        if (secretRef != null && Boolean.TRUE.equals(secretRef.get("optional"))) {
          problems.add(name + ": " + variable + " is an optional secret reference");
        }
      });
    }

    // then
    assertThat(problems).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldRunEveryContainerAsNonRootWithAReadOnlyRootAndNoCapabilities() throws IOException {
    for (String name : SERVICES) {
      // given
      Map<String, Object> deployment = kind(yaml(ROOT.resolve("infra/k8s/" + name + ".yaml")), "Deployment");
      Map<String, Object> container = container(deployment);

      // then
      assertThat(at(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot")).as(name).isEqualTo(true);
      assertThat((Map<String, Object>) container.get("securityContext"))
          .as(name)
          .containsEntry("readOnlyRootFilesystem", true)
          .containsEntry("allowPrivilegeEscalation", false)
          .containsEntry("capabilities", Map.of("drop", List.of("ALL")));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldLetOnlyTheIngressPublicPortInFromOutsideTheNamespaceAndPrometheusToManagementPorts() throws IOException {
    // given
    List<Map<String, Object>> policies = new ArrayList<>();
    try (Stream<Path> files = Files.list(ROOT.resolve("infra/k8s"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        yaml(file).stream().filter(d -> "NetworkPolicy".equals(d.get("kind"))).forEach(policies::add);
      }
    }
    List<String> problems = new ArrayList<>();

    // when
    for (String name : SERVICES) {
      Map<String, Object> deployment = kind(yaml(ROOT.resolve("infra/k8s/" + name + ".yaml")), "Deployment");
      Map<String, Object> labels = (Map<String, Object>) at(deployment, "spec", "template", "metadata", "labels");
      Map<String, Integer> ports = containerPorts(container(deployment));
      App app = APPS.get(name);
      List<Map<String, Object>> selecting = policies.stream()
          .filter(p -> ((List<String>) at(p, "spec", "policyTypes")).contains("Ingress"))
          .filter(p -> labels.entrySet().containsAll(
              ((Map<String, Object>) at(p, "spec", "podSelector", "matchLabels")).entrySet()))
          .toList();
      if (selecting.isEmpty()) {
        problems.add(name + ": no NetworkPolicy restricts who reaches it");
      }
      boolean publicPortOpen = false;
      for (Map<String, Object> policy : selecting) {
        for (Map<String, Object> rule : (List<Map<String, Object>>) at(policy, "spec", "ingress")) {
          List<Map<String, Object>> from = (List<Map<String, Object>>) rule.get("from");
          List<Map<String, Object>> rulePorts = (List<Map<String, Object>>) rule.get("ports");
          boolean anywhere = from == null || from.isEmpty() || from.stream().anyMatch(f -> f.containsKey("ipBlock"));
          boolean otherNamespaces = from != null && from.stream().anyMatch(f -> f.containsKey("namespaceSelector"));
          Set<Integer> opened = new TreeSet<>();
          if (rulePorts == null || rulePorts.isEmpty()) {
            opened.addAll(ports.values());
          } else {
            rulePorts.forEach(p -> opened.add(p.get("port") instanceof String s ? ports.getOrDefault(s, -1) : (Integer) p.get("port")));
          }
          if (anywhere && !(name.equals("ingress-service") && opened.equals(Set.of(app.port())))) {
            problems.add(name + ": " + policy.get("metadata") + " opens " + opened + " to any source");
          }
          if (otherNamespaces && !opened.equals(Set.of(app.managementPort()))) {
            problems.add(name + ": " + policy.get("metadata") + " opens " + opened + " to other namespaces");
          }
          publicPortOpen |= anywhere && opened.equals(Set.of(app.port()));
        }
      }
      if (name.equals("ingress-service") && !publicPortOpen) {
        problems.add(name + ": its public port " + app.port() + " is not reachable from outside");
      }
    }

    // then
    assertThat(problems).isEmpty();
  }

  // ---------------------------------------------------------------- Prometheus

  @Test
  @SuppressWarnings("unchecked")
  void shouldScrapeEveryServiceOnItsManagementPort() throws IOException {
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
            "ingress-service:" + PORTS.ingressManagementPort(),
            "conversation-service:" + PORTS.conversationManagementPort(),
            "outbound-service:" + PORTS.outboundManagementPort(),
            "kafka-exporter:9308");
  }

  // ---------------------------------------------------------------- helpers

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> composeServices() throws IOException {
    return (Map<String, Map<String, Object>>) yaml(ROOT.resolve("docker-compose.yml")).getFirst().get("services");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> container(Map<String, Object> deployment) {
    return ((List<Map<String, Object>>) at(deployment, "spec", "template", "spec", "containers")).getFirst();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Integer> containerPorts(Map<String, Object> container) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (Map<String, Object> port : (List<Map<String, Object>>) container.get("ports")) {
      ports.put((String) port.get("name"), (Integer) port.get("containerPort"));
    }
    return ports;
  }

  /** Variable name to its source ({@code value} or {@code valueFrom}). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> env(Map<String, Object> container) {
    Map<String, Object> env = new LinkedHashMap<>();
    for (Map<String, Object> entry : (List<Map<String, Object>>) container.get("env")) {
      Map<String, Object> source = new LinkedHashMap<>(entry);
      source.remove("name");
      env.put((String) entry.get("name"), source);
    }
    return env;
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
      if (!(node instanceof Map)) {
        return null;
      }
      node = ((Map<String, Object>) node).get(key);
    }
    return node;
  }
}
