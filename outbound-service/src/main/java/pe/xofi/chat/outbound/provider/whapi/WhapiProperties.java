package pe.xofi.chat.outbound.provider.whapi;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How to reach WHAPI.
 *
 * @param baseUrl the API root ({@code WHAPI_BASE_URL}, default {@code https://gate.whapi.cloud})
 * @param token   the channel's API token ({@code WHATSAPP_API_TOKEN})
 * @param timeout how long one send may take, connection included, before it counts as transient
 * @param interactive whether buttons and lists go out as WHAPI interactive messages ({@code
 *                    WHAPI_INTERACTIVE}); when off every reply is sent as its fallback text
 */
@ConfigurationProperties("xofi.outbound.whapi")
public record WhapiProperties(URI baseUrl, String token, Duration timeout, boolean interactive) {

  /** Whether a token is configured; without one WHAPI answers every send with 401. */
  public boolean hasToken() {
    return token != null && !token.isBlank();
  }
}
