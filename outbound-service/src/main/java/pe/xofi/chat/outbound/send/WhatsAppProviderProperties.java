package pe.xofi.chat.outbound.send;

import org.springframework.boot.context.properties.ConfigurationProperties;
import pe.xofi.chat.schemas.inbound.Provider;

/**
 * Which API sends WhatsApp replies that do not name their provider.
 *
 * @param whatsappProvider {@code WHAPI} or {@code META} ({@code WHATSAPP_PROVIDER=whapi|meta})
 */
@ConfigurationProperties("xofi.outbound")
public record WhatsAppProviderProperties(Provider whatsappProvider) {

  public WhatsAppProviderProperties {
    if (whatsappProvider == null) {
      whatsappProvider = Provider.WHAPI;
    }
    if (whatsappProvider.channel() != pe.xofi.chat.schemas.inbound.Channel.WHATSAPP) {
      throw new IllegalArgumentException("WHATSAPP_PROVIDER is whapi or meta, not " + whatsappProvider);
    }
  }
}
