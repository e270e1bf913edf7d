package pe.xofi.chat.ingress.webhook.auth;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import pe.xofi.chat.ingress.webhook.WebhookProperties;
import pe.xofi.chat.ingress.webhook.telegram.TelegramWebhookProperties;
import pe.xofi.chat.ingress.webhook.whapi.WhatsAppWebhookProperties;
import pe.xofi.chat.schemas.inbound.Provider;

/**
 * Webhook authentication: the authenticator built from the secrets and served providers, the refusal
 * to start outside the {@code local} profile while a served provider has no secret, and the
 * {@code webhookAuthentication} health component that shows each provider's access.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  WebhookProperties.class,
  WhatsAppWebhookProperties.class,
  TelegramWebhookProperties.class
})
public class WebhookAuthenticationConfiguration {

  /** The profile of the local stack, system tests, bench and chaos runs. */
  public static final String LOCAL_PROFILE = "local";

  private static final Logger log = LoggerFactory.getLogger(WebhookAuthenticationConfiguration.class);

  @Bean
  WebhookAuthenticator webhookAuthenticator(
      WebhookProperties webhook,
      WhatsAppWebhookProperties whatsApp,
      TelegramWebhookProperties telegram,
      Environment environment) {
    WebhookAuthenticator authenticator = WebhookAuthenticator.of(
        webhook.providers(),
        webhook.allowUnauthenticated(),
        whatsApp.webhookSecret(),
        whatsApp.appSecret(),
        telegram.webhookSecret());
    List<String> missing = authenticator.secretsMissingToStart(environment.matchesProfiles(LOCAL_PROFILE));
    if (!missing.isEmpty()) {
      throw new MissingWebhookSecretsException(missing);
    }
    warnAbout(authenticator);
    return authenticator;
  }

  /** Shown as the {@code webhookAuthentication} component of {@code /actuator/health}. */
  @Bean
  HealthIndicator webhookAuthenticationHealthIndicator(WebhookAuthenticator authenticator) {
    Health health = Health.up().withDetails(authenticator.describe()).build();
    return () -> health;
  }

  private static void warnAbout(WebhookAuthenticator authenticator) {
    Set<Provider> open = authenticator.unauthenticatedAllowed();
    if (!open.isEmpty()) {
      log.warn("""

          ************************************************************************
          XOFI_ALLOW_UNAUTHENTICATED_WEBHOOKS=true and {} not set:
          {} webhooks are accepted WITHOUT authentication, so anyone who knows
          the URL can write as any member. For demos only; never in production.
          ************************************************************************""",
          variables(open), names(open));
    }
    Set<Provider> refused = authenticator.refusedForWantOfSecret();
    if (!refused.isEmpty()) {
      log.warn("{} not set (profile local): every {} webhook is refused with 401",
          variables(refused), names(refused));
    }
    log.info("webhook authentication: {}", authenticator.describe());
  }

  private static String variables(Set<Provider> providers) {
    return providers.stream().map(WebhookAuthenticator::secretVariable).collect(Collectors.joining(", "));
  }

  private static String names(Set<Provider> providers) {
    return providers.stream().map(Provider::name).collect(Collectors.joining(", "));
  }
}
