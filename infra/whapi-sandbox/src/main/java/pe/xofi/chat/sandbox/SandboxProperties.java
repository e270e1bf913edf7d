package pe.xofi.chat.sandbox;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sandbox.
 *
 * @param apiToken      the bearer token WHAPI calls must carry ({@code WHATSAPP_API_TOKEN})
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

  /** Whether webhooks carry the shared-secret header. */
  public boolean hasWebhookSecret() {
    return webhookSecret != null && !webhookSecret.isBlank();
  }
}
