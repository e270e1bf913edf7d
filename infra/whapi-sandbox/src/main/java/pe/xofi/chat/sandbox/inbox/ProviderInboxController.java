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
 * and answer as {@code POST /sandbox/inbox}; {@code POST .../meta/tap} and {@code .../telegram/tap}
 * send a tap on a button the bot offered ({@link TapRequest}).
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
    ObjectNode message = metaMessage(request.from(), now);
    if (request.hasFile()) {
      StoredMedia file = media.store(request.file().mimeType(), request.file().name(), request.file().bytes());
      String type = file.isImage() ? "image" : "document";
      ObjectNode content = message.put("type", type).putObject(type)
          .put("mime_type", file.mimeType()).put("sha256", file.sha256()).put("id", file.metaId());
      if (request.caption() != null && !request.caption().isBlank()) {
        content.put("caption", request.caption());
      }
      if (!file.isImage() && file.fileName() != null) {
        content.put("filename", file.fileName());
      }
    } else {
      message.put("type", "text").putObject("text").put("body", request.text());
    }
    record(message.path("id").asString(), request, now, message);
    return postMeta(request.from(), name(request.name()), message);
  }

  /** A tap on a reply button or list row, as Meta posts it: {@code type:"interactive"}. */
  @PostMapping("/sandbox/inbox/meta/tap")
  Mono<ResponseEntity<Object>> metaTap(@RequestBody TapRequest tap) {
    Optional<String> problem = tap.problem();
    if (problem.isPresent()) {
      return Mono.just(ResponseEntity.badRequest().body(WhapiError.of(HttpStatus.BAD_REQUEST, problem.get())));
    }
    long now = clock.instant().getEpochSecond();
    String kind = tap.isListRow() ? "list_reply" : "button_reply";
    ObjectNode message = metaMessage(tap.from(), now).put("type", "interactive");
    message.putObject("interactive").put("type", kind).putObject(kind).put("id", tap.id()).put("title", tap.title());
    recordTap(message.path("id").asString(), tap, now, message);
    return postMeta(tap.from(), name(tap.name()), message);
  }

  private ObjectNode metaMessage(String from, long now) {
    return json.createObjectNode()
        .put("from", from)
        .put("id", "wamid.IN" + UUID.randomUUID().toString().replace("-", "").substring(0, 24).toUpperCase())
        .put("timestamp", Long.toString(now));
  }

  private Mono<ResponseEntity<Object>> postMeta(String from, String name, ObjectNode message) {
    ObjectNode webhook = json.createObjectNode().put("object", "whatsapp_business_account");
    ObjectNode value = webhook.putArray("entry").addObject().put("id", "WABA-SANDBOX")
        .putArray("changes").addObject().put("field", "messages").putObject("value")
        .put("messaging_product", "whatsapp");
    value.putObject("metadata").put("display_phone_number", "5110000000").put("phone_number_id", providers.metaPhoneNumberId());
    value.putArray("contacts").addObject().put("wa_id", from).putObject("profile").put("name", name);
    value.putArray("messages").add(message);
    Map<String, String> headers = new HashMap<>();
    if (providers.signsMetaWebhooks()) {
      headers.put("X-Hub-Signature-256", poster.metaSignature(providers.appSecret(), webhook));
    }
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
    message.putObject("from").put("id", chatId).put("is_bot", false).put("first_name", name(request.name()))
        .put("language_code", "es");
    message.putObject("chat").put("id", chatId).put("first_name", name(request.name())).put("type", "private");
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
    record("tg-update-" + update.path("update_id").asLong(), request, now, update);
    return postTelegram(update);
  }

  /**
   * A tap on an inline button, as Telegram posts it: a {@code callback_query} whose {@code message}
   * is the bot's message carrying the keyboard and whose {@code data} is the button's
   * {@code callback_data}.
   */
  @PostMapping("/sandbox/inbox/telegram/tap")
  Mono<ResponseEntity<Object>> telegramTap(@RequestBody TapRequest tap) {
    Optional<String> problem = tap.problem();
    if (problem.isPresent()) {
      return Mono.just(ResponseEntity.badRequest().body(WhapiError.of(HttpStatus.BAD_REQUEST, problem.get())));
    }
    long now = clock.instant().getEpochSecond();
    long chatId = Long.parseLong(tap.from());
    long updateId = updateIds.incrementAndGet();
    ObjectNode update = json.createObjectNode().put("update_id", updateId);
    ObjectNode callback = update.putObject("callback_query").put("id", Long.toString(chatId * 1000 + updateId % 1000));
    callback.putObject("from").put("id", chatId).put("is_bot", false).put("first_name", name(tap.name()))
        .put("language_code", "es");
    ObjectNode message = callback.putObject("message").put("message_id", updateId % 1_000_000);
    message.putObject("from").put("id", 7000000001L).put("is_bot", true).put("first_name", "Xofi Sandbox");
    message.putObject("chat").put("id", chatId).put("first_name", name(tap.name())).put("type", "private");
    message.put("date", now);
    message.putObject("reply_markup").putArray("inline_keyboard").addArray().addObject()
        .put("text", tap.title()).put("callback_data", tap.id());
    callback.put("chat_instance", Long.toString(chatId)).put("data", tap.id());
    recordTap("tg-update-" + updateId, tap, now, update);
    return postTelegram(update);
  }

  private Mono<ResponseEntity<Object>> postTelegram(ObjectNode update) {
    Map<String, String> headers = new HashMap<>();
    if (providers.hasTelegramSecret()) {
      headers.put("X-Telegram-Bot-Api-Secret-Token", providers.telegramSecret());
    }
    return poster.post(providers.telegramIngressUrl(), update, headers).map(answer -> answer(update, answer));
  }

  // logged before posting: the bot's reply may reach the outbox before the ingress answers
  private void record(String id, InboxRequest request, long now, JsonNode raw) {
    String text = request.hasFile() ? request.caption() : request.text();
    log.record(new SandboxMessage(id, Direction.INBOUND, request.from(), null,
        request.hasFile() ? "media" : "text", text, now, raw));
  }

  private void recordTap(String id, TapRequest tap, long now, JsonNode raw) {
    log.record(new SandboxMessage(id, Direction.INBOUND, tap.from(), null, "button", tap.title(), now, raw));
  }

  private static String name(String name) {
    return name == null || name.isBlank() ? WebhookFactory.DEFAULT_NAME : name;
  }

  private static ResponseEntity<Object> answer(JsonNode webhook, IngressAnswer answer) {
    return ResponseEntity.status(answer.status() == null ? HttpStatus.BAD_GATEWAY.value() : answer.status())
        .body(new ProviderInboxResponse(webhook, answer));
  }
}
