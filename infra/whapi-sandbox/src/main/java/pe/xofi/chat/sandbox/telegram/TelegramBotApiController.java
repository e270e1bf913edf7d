package pe.xofi.chat.sandbox.telegram;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pe.xofi.chat.sandbox.ProviderSandboxProperties;
import pe.xofi.chat.sandbox.chat.ChatLog;
import pe.xofi.chat.sandbox.chat.Direction;
import pe.xofi.chat.sandbox.chat.SandboxMessage;
import pe.xofi.chat.sandbox.media.MediaStore;
import tools.jackson.databind.JsonNode;

/**
 * The Telegram Bot API as the pipeline uses it (PROVIDERS.md section 3), under {@code /bot<token>/}:
 * {@code sendMessage} (kept in the outbox, inline keyboards included), {@code answerCallbackQuery},
 * {@code getMe} (the harmless read), {@code getFile} and the download at {@code /file/bot<token>/<path>};
 * {@code GET /sandbox/telegram/callback-answers} lists the answered callback queries.
 * A wrong token gets Telegram's 401 {@code {"ok":false,"error_code":401,"description":"Unauthorized"}}.
 */
@RestController
class TelegramBotApiController {

  private final ChatLog log;
  private final MediaStore media;
  private final CallbackAnswers callbackAnswers;
  private final Clock clock;
  private final ProviderSandboxProperties properties;
  private final AtomicLong messageIds = new AtomicLong(1000);

  TelegramBotApiController(ChatLog log, MediaStore media, CallbackAnswers callbackAnswers, Clock clock,
      ProviderSandboxProperties properties) {
    this.log = log;
    this.media = media;
    this.callbackAnswers = callbackAnswers;
    this.clock = clock;
    this.properties = properties;
  }

  @PostMapping("/bot{token}/sendMessage")
  ResponseEntity<Object> sendMessage(@PathVariable("token") String given, @RequestBody(required = false) JsonNode request) {
    if (!properties.acceptsTelegramToken(given)) {
      return failure(HttpStatus.UNAUTHORIZED, "Unauthorized");
    }
    if (request == null || !request.path("chat_id").asString("").matches("-?[0-9]{1,20}")) {
      return failure(HttpStatus.BAD_REQUEST, "Bad Request: chat not found");
    }
    String text = request.path("text").asString("");
    if (text.isEmpty() || text.length() > 4096) {
      return failure(HttpStatus.BAD_REQUEST, "Bad Request: message text is empty");
    }
    String chat = request.path("chat_id").asString();
    long id = messageIds.incrementAndGet();
    long date = clock.instant().getEpochSecond();
    String type = request.path("reply_markup").has("inline_keyboard") ? "interactive" : "text";
    log.record(new SandboxMessage(Long.toString(id), Direction.OUTBOUND, SandboxMessage.chatOf(chat), chat, type,
        text, date, request));
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("message_id", id);
    message.put("from", Map.of("id", 7000000001L, "is_bot", true, "first_name", "Xofi Sandbox"));
    message.put("chat", Map.of("id", Long.parseLong(chat), "type", "private"));
    message.put("date", date);
    message.put("text", text);
    return ok(message);
  }

  @PostMapping("/bot{token}/answerCallbackQuery")
  ResponseEntity<Object> answerCallbackQuery(@PathVariable("token") String given, @RequestBody(required = false) JsonNode request) {
    if (!properties.acceptsTelegramToken(given)) {
      return failure(HttpStatus.UNAUTHORIZED, "Unauthorized");
    }
    if (request == null || !request.path("callback_query_id").isString()) {
      return failure(HttpStatus.BAD_REQUEST, "Bad Request: query is too old and response timeout expired or query ID is invalid");
    }
    String text = request.path("text").isString() ? request.path("text").asString() : null;
    callbackAnswers.record(new CallbackAnswers.CallbackAnswer(
        request.path("callback_query_id").asString(), text, clock.instant().getEpochSecond()));
    return ok(true);
  }

  /** The callback queries answered so far, oldest first. */
  @GetMapping("/sandbox/telegram/callback-answers")
  List<CallbackAnswers.CallbackAnswer> callbackAnswers() {
    return callbackAnswers.list();
  }

  @RequestMapping(path = "/bot{token}/getMe", method = {RequestMethod.GET, RequestMethod.POST})
  ResponseEntity<Object> getMe(@PathVariable("token") String given) {
    return properties.acceptsTelegramToken(given)
        ? ok(Map.of("id", 7000000001L, "is_bot", true, "first_name", "Xofi Sandbox", "username", "xofi_sandbox_bot"))
        : failure(HttpStatus.UNAUTHORIZED, "Unauthorized");
  }

  @RequestMapping(path = "/bot{token}/getFile", method = {RequestMethod.GET, RequestMethod.POST})
  ResponseEntity<Object> getFile(@PathVariable("token") String given, @RequestParam("file_id") String fileId) {
    if (!properties.acceptsTelegramToken(given)) {
      return failure(HttpStatus.UNAUTHORIZED, "Unauthorized");
    }
    return media.find(fileId)
        .map(file -> ok(Map.of("file_id", file.id(), "file_unique_id", file.id(), "file_size", file.size(),
            "file_path", (file.isImage() ? "photos/" : "documents/") + file.id())))
        .orElseGet(() -> failure(HttpStatus.BAD_REQUEST, "Bad Request: invalid file_id"));
  }

  @GetMapping("/file/bot{token}/{folder}/{id}")
  ResponseEntity<Object> download(@PathVariable("token") String given, @PathVariable String id) {
    if (!properties.acceptsTelegramToken(given)) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
    }
    return media.find(id)
        .<ResponseEntity<Object>>map(f -> ResponseEntity.ok()
            // Telegram serves files as octet-stream; the type is the one the message announced
            .contentType(MediaType.APPLICATION_OCTET_STREAM).contentLength(f.size()).body(f.bytes()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  private static ResponseEntity<Object> ok(Object result) {
    return ResponseEntity.ok(Map.of("ok", true, "result", result));
  }

  private static ResponseEntity<Object> failure(HttpStatus status, String description) {
    return ResponseEntity.status(status).body(Map.of("ok", false, "error_code", status.value(), "description", description));
  }
}
