package pe.xofi.chat.ingress.webhook;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import pe.xofi.chat.schemas.inbound.Provider;

/**
 * What every webhook endpoint applies: its body and message limits and which providers it serves.
 *
 * @param maxBodySize          largest accepted body; larger ones get 413
 * @param maxMessages          most messages and statuses one webhook may carry; more get 413 and
 *                             nothing is published (providers batch far fewer; a forged webhook of
 *                             thousands would be answered thousands of times)
 * @param providers            the providers this ingress serves ({@code XOFI_WEBHOOK_PROVIDERS},
 *                             e.g. {@code whapi,meta,telegram}); the others answer 404
 * @param allowUnauthenticated whether a served provider without a secret accepts webhooks without
 *                             authentication ({@code XOFI_ALLOW_UNAUTHENTICATED_WEBHOOKS}, demos
 *                             only); otherwise it refuses them all
 */
@ConfigurationProperties("xofi.ingress.webhook")
public record WebhookProperties(
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue("100") int maxMessages,
    @DefaultValue({"whapi", "meta", "telegram"}) Set<Provider> providers,
    @DefaultValue("false") boolean allowUnauthenticated) {

  public WebhookProperties {
    if (maxMessages < 1) {
      throw new IllegalArgumentException("xofi.ingress.webhook.max-messages must be at least 1, got " + maxMessages);
    }
    providers = Set.copyOf(providers);
  }

  /** The limit in bytes, as the body reader needs it. */
  public int maxBodyBytes() {
    return Math.toIntExact(maxBodySize.toBytes());
  }
}
