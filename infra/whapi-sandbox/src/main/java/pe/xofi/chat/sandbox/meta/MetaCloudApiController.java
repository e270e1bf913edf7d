package pe.xofi.chat.sandbox.meta;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import pe.xofi.chat.sandbox.ProviderSandboxProperties;
import pe.xofi.chat.sandbox.SandboxProperties;
import pe.xofi.chat.sandbox.chat.ChatLog;
import pe.xofi.chat.sandbox.chat.Direction;
import pe.xofi.chat.sandbox.chat.SandboxMessage;
import pe.xofi.chat.sandbox.media.MediaStore;
import pe.xofi.chat.sandbox.media.StoredMedia;
import tools.jackson.databind.JsonNode;

/**
 * Meta's WhatsApp Cloud API as the pipeline uses it (PROVIDERS.md section 2): {@code POST
 * /{version}/{phone-number-id}/messages} for text, interactive and template sends (kept in the
 * outbox), {@code GET /{version}/{phone-number-id}} as a harmless read, and the two-step media
 * download ({@code GET /{version}/{media-id}} for a URL, {@code GET /meta-media/{id}} for the bytes,
 * both with the bearer token). Errors use Meta's {@code {"error":{...}}} shape.
 */
@RestController
class MetaCloudApiController {

  private final ChatLog log;
  private final MediaStore media;
  private final Clock clock;
  private final SandboxProperties sandbox;
  private final String phoneNumberId;

  MetaCloudApiController(ChatLog log, MediaStore media, Clock clock, SandboxProperties sandbox,
      ProviderSandboxProperties providers) {
    this.log = log;
    this.media = media;
    this.clock = clock;
    this.sandbox = sandbox;
    this.phoneNumberId = providers.metaPhoneNumberId();
  }

  @PostMapping("/{version:v[0-9.]+}/{sender}/messages")
  ResponseEntity<Object> send(@PathVariable String sender,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestBody(required = false) JsonNode request) {
    if (!authorized(authorization)) {
      return error(HttpStatus.UNAUTHORIZED, 190, "Invalid OAuth access token.");
    }
    if (!sender.equals(phoneNumberId)) {
      return error(HttpStatus.BAD_REQUEST, 100, "Unsupported post request. Object with ID '" + sender + "' does not exist");
    }
    Optional<String> problem = problemWith(request);
    if (problem.isPresent()) {
      return error(HttpStatus.BAD_REQUEST, 100, problem.get());
    }
    String to = request.path("to").asString();
    String type = request.path("type").asString();
    String id = "wamid.SANDBOX" + UUID.randomUUID().toString().replace("-", "").substring(0, 24).toUpperCase();
    log.record(new SandboxMessage(id, Direction.OUTBOUND, SandboxMessage.chatOf(to), to,
        "text".equals(type) ? "text" : type, readable(request), clock.instant().getEpochSecond(), request));
    return ResponseEntity.ok(Map.of(
        "messaging_product", "whatsapp",
        "contacts", java.util.List.of(Map.of("input", to, "wa_id", SandboxMessage.chatOf(to))),
        "messages", java.util.List.of(Map.of("id", id))));
  }

  /** The phone number's details (the verify-config read), or step one of a media download. */
  @GetMapping("/{version:v[0-9.]+}/{id}")
  ResponseEntity<Object> read(@PathVariable String id, ServerHttpRequest http,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    if (!authorized(authorization)) {
      return error(HttpStatus.UNAUTHORIZED, 190, "Invalid OAuth access token.");
    }
    if (id.equals(phoneNumberId)) {
      return ResponseEntity.ok(Map.of("verified_name", "Xofi Sandbox", "display_phone_number", "+51 1 000 0000",
          "quality_rating", "GREEN", "id", phoneNumberId));
    }
    return media.find(id)
        .<ResponseEntity<Object>>map(file -> ResponseEntity.ok(Map.of(
            "messaging_product", "whatsapp",
            "url", origin(http) + "/meta-media/" + file.id(),
            "mime_type", file.mimeType(),
            "sha256", file.sha256(),
            "file_size", Long.toString(file.size()),
            "id", file.metaId())))
        .orElseGet(() -> error(HttpStatus.NOT_FOUND, 100, "Unsupported get request. Object with ID '" + id + "' does not exist"));
  }

  /** Step two: the bytes, only with the bearer token, as on Meta's CDN. */
  @GetMapping("/meta-media/{id}")
  ResponseEntity<Object> download(@PathVariable String id,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    if (!authorized(authorization)) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
    }
    Optional<StoredMedia> file = media.find(id);
    return file.<ResponseEntity<Object>>map(f -> ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(f.mimeType()))
            .contentLength(f.size())
            .body(f.bytes()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  private boolean authorized(String authorization) {
    return authorization != null && authorization.startsWith("Bearer ")
        && sandbox.acceptsApiToken(authorization.substring("Bearer ".length()));
  }

  private static Optional<String> problemWith(JsonNode request) {
    if (request == null || !request.isObject()) {
      return Optional.of("request body must be valid JSON");
    }
    if (!"whatsapp".equals(request.path("messaging_product").asString(""))) {
      return Optional.of("(#100) The parameter messaging_product is required.");
    }
    if (!request.path("to").asString("").matches("\\+?[0-9]{8,15}")) {
      return Optional.of("(#100) Invalid parameter: to");
    }
    return switch (request.path("type").asString("text")) {
      case "text" -> request.path("text").path("body").isString()
          ? Optional.empty() : Optional.of("(#100) The parameter text['body'] is required.");
      case "interactive" -> request.path("interactive").path("body").path("text").isString()
          ? Optional.empty() : Optional.of("(#100) The parameter interactive['body'] is required.");
      case "template" -> Optional.empty();
      default -> Optional.of("(#100) Invalid parameter: type");
    };
  }

  private static String readable(JsonNode request) {
    return switch (request.path("type").asString("text")) {
      case "interactive" -> request.path("interactive").path("body").path("text").asString();
      case "template" -> "[template " + request.path("template").path("name").asString() + "]";
      default -> request.path("text").path("body").asString();
    };
  }

  private static String origin(ServerHttpRequest http) {
    var uri = http.getURI();
    return uri.getScheme() + "://" + uri.getAuthority();
  }

  private static ResponseEntity<Object> error(HttpStatus status, int code, String message) {
    return ResponseEntity.status(status).body(Map.of("error", Map.of(
        "message", message, "type", "OAuthException", "code", code, "fbtrace_id", "SANDBOX")));
  }
}
