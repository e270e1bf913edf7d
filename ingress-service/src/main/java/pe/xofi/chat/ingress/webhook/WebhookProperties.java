package pe.xofi.chat.ingress.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits every webhook endpoint applies.
 *
 * @param maxBodySize largest accepted body; larger ones get 413
 */
@ConfigurationProperties("xofi.ingress.webhook")
public record WebhookProperties(@DefaultValue("1MB") DataSize maxBodySize) {

  /** The limit in bytes, as the body reader needs it. */
  public int maxBodyBytes() {
    return Math.toIntExact(maxBodySize.toBytes());
  }
}
