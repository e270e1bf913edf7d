package pe.xofi.chat.sandbox.inbox;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import pe.xofi.chat.sandbox.SandboxProperties;
import pe.xofi.chat.sandbox.whapi.WhapiIds;

/** Builds the webhook WHAPI would post when a member writes to the channel from the phone app. */
@Component
class WebhookFactory {

  /** Profile name used when the person on the chat page gives none. */
  static final String DEFAULT_NAME = "Socio Sandbox";

  private final SandboxProperties properties;
  private final Clock clock;

  WebhookFactory(SandboxProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  WhapiWebhook textFrom(InboxRequest request) {
    String name = request.name() == null || request.name().isBlank() ? DEFAULT_NAME : request.name();
    WhapiWebhook.Message message =
        new WhapiWebhook.Message(
            WhapiIds.incoming(),
            false,
            "text",
            request.from() + "@s.whatsapp.net",
            clock.instant().getEpochSecond(),
            "mobile",
            new WhapiWebhook.Text(request.text()),
            request.from(),
            name);
    return new WhapiWebhook(
        List.of(message), new WhapiWebhook.Event("messages", "post"), properties.channelId());
  }
}
