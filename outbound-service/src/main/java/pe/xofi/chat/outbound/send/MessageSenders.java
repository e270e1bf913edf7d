package pe.xofi.chat.outbound.send;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import pe.xofi.chat.schemas.inbound.Provider;

/** Picks the sender of a reply's provider; a reply for a provider without a sender is refused. */
@Component
public class MessageSenders {

  private final Map<Provider, MessageSender> byProvider = new EnumMap<>(Provider.class);

  public MessageSenders(List<MessageSender> senders) {
    senders.forEach(sender -> byProvider.put(sender.provider(), sender));
  }

  /** The sender for {@code provider}. */
  public MessageSender forProvider(Provider provider) {
    MessageSender sender = provider == null ? null : byProvider.get(provider);
    if (sender == null) {
      throw new PermanentSendFailure("no sender for provider " + provider, null,
          "this service has no client for provider " + provider);
    }
    return sender;
  }
}
