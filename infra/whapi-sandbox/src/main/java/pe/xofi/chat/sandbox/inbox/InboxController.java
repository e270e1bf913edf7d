package pe.xofi.chat.sandbox.inbox;

import java.util.Base64;
import java.util.Optional;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import pe.xofi.chat.sandbox.chat.ChatLog;
import pe.xofi.chat.sandbox.chat.Direction;
import pe.xofi.chat.sandbox.chat.SandboxMessage;
import pe.xofi.chat.sandbox.media.MediaStore;
import pe.xofi.chat.sandbox.whapi.WhapiError;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A member writes or sends a file: a file is stored for {@code GET /media/{id}}, the message joins
 * the chat log, then goes to the ingress as WHAPI's webhook; the caller gets the webhook and the
 * ingress's answer, with the ingress's status (502 when the ingress is unreachable).
 */
@RestController
class InboxController {

  private final WebhookFactory webhooks;
  private final IngressClient ingress;
  private final ChatLog log;
  private final MediaStore media;
  private final JsonMapper json;

  InboxController(WebhookFactory webhooks, IngressClient ingress, ChatLog log, MediaStore media, JsonMapper json) {
    this.webhooks = webhooks;
    this.ingress = ingress;
    this.log = log;
    this.media = media;
    this.json = json;
  }

  /** The webhook that was posted and how the ingress answered it. */
  record InboxResponse(WhapiWebhook webhook, IngressAnswer ingress) {}

  @PostMapping("/sandbox/inbox")
  Mono<ResponseEntity<Object>> receive(@RequestBody InboxRequest request) {
    Optional<String> problem = request.problem();
    if (problem.isPresent()) {
      return Mono.just(ResponseEntity.badRequest().body(WhapiError.of(HttpStatus.BAD_REQUEST, problem.get())));
    }
    WhapiWebhook webhook = request.hasFile()
        ? webhooks.mediaFrom(request, media.store(request.file().mimeType(), request.file().name(), request.file().bytes()))
        : webhooks.textFrom(request);
    WhapiWebhook.Message message = webhook.messages().getFirst();
    // logged before posting: the bot's reply may reach the outbox before the ingress answers
    log.record(new SandboxMessage(message.id(), Direction.INBOUND, message.from(), null, message.type(),
        readableText(message), message.timestamp(), json.valueToTree(message)));
    return ingress.post(webhook).map(answer -> ResponseEntity
        .status(answer.status() == null ? HttpStatus.BAD_GATEWAY.value() : answer.status())
        .body(new InboxResponse(webhook, answer)));
  }

  /** The same as JSON, from a form: fields {@code from}, {@code name}, {@code text}, {@code caption}, {@code file}. */
  @PostMapping(path = "/sandbox/inbox", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Mono<ResponseEntity<Object>> receiveForm(@RequestBody Mono<MultiValueMap<String, Part>> form) {
    return form.flatMap(parts -> attachment(parts.getFirst("file"))
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty())
            .map(file -> new InboxRequest(field(parts, "from"), field(parts, "text"), field(parts, "name"),
                field(parts, "caption"), file.orElse(null))))
        .flatMap(this::receive);
  }

  private static Mono<InboxRequest.Attachment> attachment(Part part) {
    if (!(part instanceof FilePart file)) {
      return Mono.empty();
    }
    MediaType type = file.headers().getContentType();
    String mimeType = type == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : type.getType() + "/" + type.getSubtype();
    return DataBufferUtils.join(file.content()).map(buffer -> {
      byte[] bytes = new byte[buffer.readableByteCount()];
      buffer.read(bytes);
      DataBufferUtils.release(buffer);
      return new InboxRequest.Attachment(file.filename(), mimeType, Base64.getEncoder().encodeToString(bytes));
    });
  }

  /** Browsers send form line breaks as CRLF; WhatsApp texts use LF. */
  private static String field(MultiValueMap<String, Part> parts, String name) {
    return parts.getFirst(name) instanceof FormFieldPart field ? field.value().replace("\r\n", "\n") : null;
  }

  /** What the chat page shows as the bubble's text: the body, or a file's caption. */
  private static String readableText(WhapiWebhook.Message message) {
    if (message.text() != null) {
      return message.text().body();
    }
    return message.image() != null ? message.image().caption() : message.document().caption();
  }
}
