package pe.xofi.chat.ingress.webhook.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import pe.xofi.chat.ingress.IngressApplication;

/**
 * The whole ingress application started as an operator would start it (no broker needed): outside
 * the local profile it refuses to start while a served provider has no secret, naming the
 * variables, unless unauthenticated webhooks are explicitly allowed, which its health then shows.
 */
class WebhookAuthenticationStartupTest {

  @Test
  void shouldRefuseToStartOutsideTheLocalProfileNamingEveryMissingSecret() {
    // when: WHAPI's secret only, all three providers served by default
    Throwable failure = catchThrowable(() -> start("xofi.ingress.whatsapp.webhook-secret=whapi-s3cret").close());

    // then
    assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
        .isInstanceOf(MissingWebhookSecretsException.class)
        .hasMessage("webhook secrets not set: WHATSAPP_APP_SECRET, TELEGRAM_WEBHOOK_SECRET (set them,"
            + " leave those providers out of XOFI_WEBHOOK_PROVIDERS, or for a demo set"
            + " XOFI_ALLOW_UNAUTHENTICATED_WEBHOOKS=true)");
  }

  @Test
  void shouldStartWithoutSecretsWhenTheProvidersWithoutOneAreNotServed() {
    // when
    try (ConfigurableApplicationContext context = start(
        "xofi.ingress.webhook.providers=whapi", "xofi.ingress.whatsapp.webhook-secret=whapi-s3cret")) {

      // then
      assertThat(webhookAuthenticationHealth(context)).isEqualTo(Health.up().withDetails(Map.of(
          "whapi", "authenticated", "meta", "not served", "telegram", "not served")).build());
    }
  }

  @Test
  void shouldStartWithTheAllowFlagAndShowTheUnauthenticatedProvidersInHealth() {
    // when
    try (ConfigurableApplicationContext context = start(
        "xofi.ingress.webhook.allow-unauthenticated=true",
        "xofi.ingress.whatsapp.webhook-secret=whapi-s3cret")) {

      // then
      assertThat(webhookAuthenticationHealth(context)).isEqualTo(Health.up().withDetails(Map.of(
          "whapi", "authenticated",
          "meta", "unauthenticated(allowed)",
          "telegram", "unauthenticated(allowed)")).build());
    }
  }

  @Test
  void shouldStartInTheLocalProfileWithoutSecretsAndShowThoseProvidersAsRefused() {
    // when
    try (ConfigurableApplicationContext context = start("spring.profiles.active=local")) {

      // then
      assertThat(webhookAuthenticationHealth(context)).isEqualTo(Health.up().withDetails(Map.of(
          "whapi", "refused(no secret)",
          "meta", "refused(no secret)",
          "telegram", "refused(no secret)")).build());
    }
  }

  /** The {@code webhookAuthentication} component as {@code /actuator/health} shows it. */
  private static Health webhookAuthenticationHealth(ConfigurableApplicationContext context) {
    HealthIndicator indicator = (HealthIndicator) context.getBean(HealthContributorRegistry.class)
        .getContributor("webhookAuthentication");
    return indicator.health();
  }

  /**
   * The ingress on a random port with an unreachable broker, no secret and no profile but for
   * {@code overrides}; all as command-line arguments so that no variable of the machine running the
   * test (a secret, SPRING_PROFILES_ACTIVE) changes the outcome.
   */
  private static ConfigurableApplicationContext start(String... overrides) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.profiles.active", "");
    properties.put("server.port", "0");
    properties.put("spring.kafka.bootstrap-servers", "127.0.0.1:1");
    properties.put("spring.kafka.producer.properties.max.block.ms", "100");
    properties.put("xofi.kafka-lag.enabled", "false");
    properties.put("xofi.ingress.webhook.providers", "whapi,meta,telegram");
    properties.put("xofi.ingress.webhook.allow-unauthenticated", "false");
    properties.put("xofi.ingress.whatsapp.webhook-secret", "");
    properties.put("xofi.ingress.whatsapp.app-secret", "");
    properties.put("xofi.ingress.telegram.webhook-secret", "");
    for (String override : overrides) {
      String[] pair = override.split("=", 2);
      properties.put(pair[0], pair[1]);
    }
    return new SpringApplicationBuilder(IngressApplication.class)
        .web(WebApplicationType.REACTIVE)
        .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new));
  }
}
