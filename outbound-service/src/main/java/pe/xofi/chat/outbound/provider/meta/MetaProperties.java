package pe.xofi.chat.outbound.provider.meta;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How to reach Meta's WhatsApp Cloud API.
 *
 * @param baseUrl       the Graph API root ({@code META_GRAPH_BASE_URL}, default {@code https://graph.facebook.com})
 * @param version       the Graph API version in every path ({@code META_GRAPH_VERSION}, default {@code v21.0})
 * @param token         the system-user access token ({@code WHATSAPP_API_TOKEN})
 * @param phoneNumberId the business phone number id that sends ({@code WHATSAPP_PHONE_NUMBER_ID})
 * @param timeout       how long one call may take before it counts as transient
 */
@ConfigurationProperties("xofi.outbound.meta")
public record MetaProperties(URI baseUrl, String version, String token, String phoneNumberId, Duration timeout) {

  /** Whether a token and a phone number id are configured; without them no send can work. */
  public boolean configured() {
    return token != null && !token.isBlank() && phoneNumberId != null && !phoneNumberId.isBlank();
  }

  @Override
  public String toString() {
    return "MetaProperties[baseUrl=" + baseUrl + ", version=" + version + ", token hidden]";
  }
}
