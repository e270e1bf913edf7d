package pe.xofi.chat.sandbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sandbox.
 *
 * @param apiToken      the bearer token WHAPI calls must carry ({@code WHATSAPP_API_TOKEN}); blank refuses every call
 * @param ingressUrl    where member messages are posted as WHAPI webhooks ({@code SANDBOX_INGRESS_URL})
 * @param webhookSecret sent as {@code X-Webhook-Secret} when not blank ({@code WHATSAPP_WEBHOOK_SECRET})
 * @param channelId     the {@code channel_id} of every webhook
 * @param historyLimit  how many messages the sandbox remembers before dropping the oldest
 * @param mediaLimit    how many member files the sandbox keeps for {@code GET /media/{id}}
 */
@ConfigurationProperties("sandbox")
public record SandboxProperties(
    String apiToken, URI ingressUrl, String webhookSecret, String channelId, int historyLimit,
    int mediaLimit) {

  /** Whether webhooks carry the shared-secret header; without one the ingress refuses them. */
  public boolean hasWebhookSecret() {
    return webhookSecret != null && !webhookSecret.isBlank();
  }

  /** Whether {@code given} is the API token; nothing is when none is configured. */
  public boolean acceptsApiToken(String given) {
    return matches(apiToken, given);
  }

  /** A configured {@code expected} equal to {@code given}, compared in constant time. */
  public static boolean matches(String expected, String given) {
    return expected != null && !expected.isBlank() && given != null
        && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
