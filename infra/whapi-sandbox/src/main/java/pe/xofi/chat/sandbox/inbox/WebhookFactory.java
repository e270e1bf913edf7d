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

  /** WHAPI's prefix of a tapped quick-reply button's id. */
  static final String BUTTON_ID_PREFIX = "ButtonsV3:";

  /** WHAPI's prefix of a tapped list row's id. */
  static final String LIST_ID_PREFIX = "ListV3:";

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

  /**
   * A tap on a button or list row: WHAPI prefixes the id the bot sent with {@code ButtonsV3:} for
   * buttons (PROVIDERS.md) and {@code ListV3:} for list rows.
   */
  WhapiWebhook replyFrom(ReplyRequest request) {
    boolean button = request.isButton();
    WhapiWebhook.Choice choice = button
        ? new WhapiWebhook.Choice(BUTTON_ID_PREFIX + request.id(), request.title(), null)
        : new WhapiWebhook.Choice(LIST_ID_PREFIX + request.id(), request.title(), request.description());
    WhapiWebhook.Reply reply = new WhapiWebhook.Reply(request.type(), button ? choice : null, button ? null : choice);
    WhapiWebhook.Context context =
        request.quotedId() == null ? null : new WhapiWebhook.Context(request.quotedId(), "interactive");
    return webhook(request.from(), request.name(), "reply", null, null, null, reply, context);
  }

  private WhapiWebhook webhook(InboxRequest request, String type, WhapiWebhook.Text text,
      WhapiWebhook.Image image, WhapiWebhook.Document document) {
    return webhook(request.from(), request.name(), type, text, image, document, null, null);
  }

  private WhapiWebhook webhook(String from, String profileName, String type, WhapiWebhook.Text text,
      WhapiWebhook.Image image, WhapiWebhook.Document document, WhapiWebhook.Reply reply,
      WhapiWebhook.Context context) {
    String name = profileName == null || profileName.isBlank() ? DEFAULT_NAME : profileName;
    WhapiWebhook.Message message =
        new WhapiWebhook.Message(
            WhapiIds.incoming(),
            false,
            type,
            from + "@s.whatsapp.net",
            clock.instant().getEpochSecond(),
            "mobile",
            text,
            image,
            document,
            reply,
            context,
            from,
            name);
    return new WhapiWebhook(
        List.of(message), new WhapiWebhook.Event("messages", "post"), properties.channelId());
  }
}
