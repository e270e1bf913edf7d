package pe.xofi.chat.outbound.send;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import pe.xofi.chat.schemas.inbound.Provider;

/**
 * Picks the sender of a reply's provider (a reply goes back through the API its message came in
 * by); a reply without a provider goes through the configured WhatsApp provider, and one for a
 * provider without a sender is refused.
 */
@Component
public class MessageSenders {

  private final Map<Provider, MessageSender> byProvider = new EnumMap<>(Provider.class);
  private final Provider whatsappDefault;

  public MessageSenders(List<MessageSender> senders, WhatsAppProviderProperties properties) {
    senders.forEach(sender -> byProvider.put(sender.provider(), sender));
    this.whatsappDefault = properties.whatsappProvider();
  }

  /** The sender for {@code provider}; null means the configured WhatsApp provider. */
  public MessageSender forProvider(Provider provider) {
    MessageSender sender = byProvider.get(provider == null ? whatsappDefault : provider);
    if (sender == null) {
      throw new PermanentSendFailure("no sender for provider " + provider, null,
          "this service has no client for provider " + provider);
    }
    return sender;
  }
}
