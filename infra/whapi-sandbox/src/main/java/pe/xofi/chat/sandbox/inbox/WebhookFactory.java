package pe.xofi.chat.sandbox.inbox;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import pe.xofi.chat.sandbox.SandboxProperties;
import pe.xofi.chat.sandbox.media.StoredMedia;
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
    return webhook(request, "text", new WhapiWebhook.Text(request.text()), null, null);
  }

  /** Images arrive as {@code image} messages, every other file (PDFs included) as {@code document}. */
  WhapiWebhook mediaFrom(InboxRequest request, StoredMedia media) {
    String caption = request.caption() == null || request.caption().isBlank() ? null : request.caption();
    if (media.isImage()) {
      return webhook(request, "image", null,
          new WhapiWebhook.Image(media.id(), media.mimeType(), media.size(), media.sha256(), caption), null);
    }
    return webhook(request, "document", null, null, new WhapiWebhook.Document(
        media.id(), media.mimeType(), media.size(), media.sha256(), caption, media.fileName()));
  }

  private WhapiWebhook webhook(InboxRequest request, String type, WhapiWebhook.Text text,
      WhapiWebhook.Image image, WhapiWebhook.Document document) {
    String name = request.name() == null || request.name().isBlank() ? DEFAULT_NAME : request.name();
    WhapiWebhook.Message message =
        new WhapiWebhook.Message(
            WhapiIds.incoming(),
            false,
            type,
            request.from() + "@s.whatsapp.net",
            clock.instant().getEpochSecond(),
            "mobile",
            text,
            image,
            document,
            request.from(),
            name);
    return new WhapiWebhook(
        List.of(message), new WhapiWebhook.Event("messages", "post"), properties.channelId());
  }
}
