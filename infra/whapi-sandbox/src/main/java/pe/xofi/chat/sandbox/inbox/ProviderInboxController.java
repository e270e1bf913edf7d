package pe.xofi.chat.sandbox.inbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import pe.xofi.chat.sandbox.ProviderSandboxProperties;
import pe.xofi.chat.sandbox.SandboxProperties;
import pe.xofi.chat.sandbox.chat.ChatLog;
import pe.xofi.chat.sandbox.chat.Direction;
import pe.xofi.chat.sandbox.chat.SandboxMessage;
import pe.xofi.chat.sandbox.media.MediaStore;
import pe.xofi.chat.sandbox.media.StoredMedia;
import pe.xofi.chat.sandbox.whapi.WhapiError;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A member writing on the other channels: {@code POST /sandbox/inbox/meta} posts Meta's Cloud API
 * webhook (signed when an app secret is set) and {@code POST /sandbox/inbox/telegram} a Telegram
 * update ({@code from} is the chat id; with the secret token header) to the ingress. Same request
 * and answer as {@code POST /sandbox/inbox}.
 */
@RestController
class ProviderInboxController {

  private final ProviderWebhookPoster poster;
  private final ChatLog log;
  private final MediaStore media;
  private final Clock clock;
  private final JsonMapper json;
  private final SandboxProperties sandbox;
  private final ProviderSandboxProperties providers;
  private final AtomicLong updateIds = new AtomicLong(System.currentTimeMillis() / 1000 * 100);

  ProviderInboxController(ProviderWebhookPoster poster, ChatLog log, MediaStore media, Clock clock, JsonMapper json,
      SandboxProperties sandbox, ProviderSandboxProperties providers) {
    this.poster = poster;
    this.log = log;
    this.media = media;
    this.clock = clock;
    this.json = json;
    this.sandbox = sandbox;
    this.providers = providers;
  }

  /** The webhook that was posted and how the ingress answered it. */
  record ProviderInboxResponse(JsonNode webhook, IngressAnswer ingress) {}

  @PostMapping("/sandbox/inbox/meta")
  Mono<ResponseEntity<Object>> meta(@RequestBody InboxRequest request) {
    Optional<String> problem = request.problem();
    if (problem.isPresent()) {
      return Mono.just(ResponseEntity.badRequest().body(WhapiError.of(HttpStatus.BAD_REQUEST, problem.get())));
    }
    long now = clock.instant().getEpochSecond();
    ObjectNode message = json.createObjectNode()
        .put("from", request.from())
        .put("id", "wamid.IN" + UUID.randomUUID().toString().replace("-", "").substring(0, 24).toUpperCase())
        .put("timestamp", Long.toString(now));
    if (request.hasFile()) {
      StoredMedia file = media.store(request.file().mimeType(), request.file().name(), request.file().bytes());
      String type = file.isImage() ? "image" : "document";
      ObjectNode content = message.put("type", type).putObject(type)
          .put("mime_type", file.mimeType()).put("sha256", file.sha256()).put("id", file.id());
      if (request.caption() != null && !request.caption().isBlank()) {
        content.put("caption", request.caption());
      }
      if (!file.isImage() && file.fileName() != null) {
        content.put("filename", file.fileName());
      }
    } else {
      message.put("type", "text").putObject("text").put("body", request.text());
    }
    ObjectNode webhook = json.createObjectNode().put("object", "whatsapp_business_account");
    ObjectNode value = webhook.putArray("entry").addObject().put("id", "WABA-SANDBOX")
        .putArray("changes").addObject().put("field", "messages").putObject("value")
        .put("messaging_product", "whatsapp");
    value.putObject("metadata").put("display_phone_number", "5110000000").put("phone_number_id", providers.metaPhoneNumberId());
    value.putArray("contacts").addObject().put("wa_id", request.from()).putObject("profile").put("name", name(request));
    value.putArray("messages").add(message);
    Map<String, String> headers = new HashMap<>();
    if (providers.signsMetaWebhooks()) {
      headers.put("X-Hub-Signature-256", poster.metaSignature(providers.appSecret(), webhook));
    }
    record(message.path("id").asString(), request, now, message);
    return poster.post(sandbox.ingressUrl(), webhook, headers).map(answer -> answer(webhook, answer));
  }

  @PostMapping("/sandbox/inbox/telegram")
  Mono<ResponseEntity<Object>> telegram(@RequestBody InboxRequest request) {
    Optional<String> problem = request.problem();
    if (problem.isPresent()) {
      return Mono.just(ResponseEntity.badRequest().body(WhapiError.of(HttpStatus.BAD_REQUEST, problem.get())));
    }
    long now = clock.instant().getEpochSecond();
    long chatId = Long.parseLong(request.from());
    ObjectNode update = json.createObjectNode().put("update_id", updateIds.incrementAndGet());
    ObjectNode message = update.putObject("message").put("message_id", updateIds.get() % 1_000_000);
    message.putObject("from").put("id", chatId).put("is_bot", false).put("first_name", name(request))
        .put("language_code", "es");
    message.putObject("chat").put("id", chatId).put("first_name", name(request)).put("type", "private");
    message.put("date", now);
    if (request.hasFile()) {
      StoredMedia file = media.store(request.file().mimeType(), request.file().name(), request.file().bytes());
      if (file.isImage()) {
        message.putArray("photo").addObject().put("file_id", file.id()).put("file_unique_id", file.id())
            .put("width", 1280).put("height", 960).put("file_size", file.size());
      } else {
        ObjectNode document = message.putObject("document").put("file_id", file.id()).put("file_unique_id", file.id())
            .put("mime_type", file.mimeType()).put("file_size", file.size());
        if (file.fileName() != null) {
          document.put("file_name", file.fileName());
        }
      }
      if (request.caption() != null && !request.caption().isBlank()) {
        message.put("caption", request.caption());
      }
    } else {
      message.put("text", request.text());
    }
    Map<String, String> headers = new HashMap<>();
    if (providers.hasTelegramSecret()) {
      headers.put("X-Telegram-Bot-Api-Secret-Token", providers.telegramSecret());
    }
    record("tg-update-" + update.path("update_id").asLong(), request, now, update);
    return poster.post(providers.telegramIngressUrl(), update, headers).map(answer -> answer(update, answer));
  }

  // logged before posting: the bot's reply may reach the outbox before the ingress answers
  private void record(String id, InboxRequest request, long now, JsonNode raw) {
    String text = request.hasFile() ? request.caption() : request.text();
    log.record(new SandboxMessage(id, Direction.INBOUND, request.from(), null,
        request.hasFile() ? "media" : "text", text, now, raw));
  }

  private static String name(InboxRequest request) {
    return request.name() == null || request.name().isBlank() ? WebhookFactory.DEFAULT_NAME : request.name();
  }

  private static ResponseEntity<Object> answer(JsonNode webhook, IngressAnswer answer) {
    return ResponseEntity.status(answer.status() == null ? HttpStatus.BAD_GATEWAY.value() : answer.status())
        .body(new ProviderInboxResponse(webhook, answer));
  }
}
