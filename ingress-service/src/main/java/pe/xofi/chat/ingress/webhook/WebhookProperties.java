package pe.xofi.chat.ingress.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits every webhook endpoint applies.
 *
 * @param maxBodySize largest accepted body; larger ones get 413
 * @param maxMessages most messages and statuses one webhook may carry; more get 413 and nothing is
 *     published (providers batch far fewer; a forged webhook of thousands would be answered thousands
 *     of times)
 */
@ConfigurationProperties("xofi.ingress.webhook")
public record WebhookProperties(
    @DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("100") int maxMessages) {

  public WebhookProperties {
    if (maxMessages < 1) {
      throw new IllegalArgumentException("xofi.ingress.webhook.max-messages must be at least 1, got " + maxMessages);
    }
  }

  /** The limit in bytes, as the body reader needs it. */
  public int maxBodyBytes() {
    return Math.toIntExact(maxBodySize.toBytes());
  }
}
