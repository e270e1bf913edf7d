package pe.xofi.chat.ingress.webhook.whapi;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pe.xofi.chat.ingress.metrics.IngressMetrics;
import pe.xofi.chat.ingress.publish.PublishFailedException;
import pe.xofi.chat.ingress.web.JsonError;
import pe.xofi.chat.ingress.webhook.BoundedBody;
import pe.xofi.chat.ingress.webhook.SharedSecret;
import pe.xofi.chat.ingress.webhook.WebhookIntake;
import pe.xofi.chat.ingress.webhook.WebhookProperties;
import pe.xofi.chat.ingress.webhook.WebhookRejection;
import pe.xofi.chat.ingress.webhook.meta.MetaSignature;
import pe.xofi.chat.ingress.webhook.meta.MetaVerification;
import pe.xofi.chat.ingress.webhook.meta.MetaWebhookSplitter;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.inbound.Provider;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The WhatsApp webhook endpoint of both providers: a POST (WHAPI's, or Meta's recognised by its
 * signature header or {@code "object": "whatsapp_business_account"}) is answered 200 only once Kafka
 * holds every record it caused, and 503 otherwise so the provider retries; a GET is the health check
 * or Meta's handshake.
 */
@RestController
@RequestMapping("/chatbot/webhook/whatsapp")
public class WhatsAppWebhookController {

  private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhookController.class);

  /** Header WHAPI is configured to send the shared secret in. */
  public static final String SECRET_HEADER = "X-Webhook-Secret";

  /** Response header naming the trace id stamped on every record of the webhook. */
  public static final String TRACE_HEADER = "X-Xofi-Trace-Id";

  private static final Map<String, String> HEALTH =
      Map.of("status", "ok", "service", "whatsapp_chatbot");

  private static final String WRONG_SIGNATURE = "missing or wrong X-Hub-Signature-256";

  private static final String UNAVAILABLE = "Kafka did not acknowledge the webhook; retry later";

  private final WebhookIntake intake;
  private final WhapiWebhookSplitter whapi;
  private final MetaWebhookSplitter meta;
  private final SharedSecret secret;
  private final MetaSignature signature;
  private final MetaVerification verification;
  private final BoundedBody body;
  private final Clock clock;
  private final IngressMetrics metrics;

  public WhatsAppWebhookController(
      WebhookIntake intake,
      WhapiWebhookSplitter whapi,
      MetaWebhookSplitter meta,
      WhatsAppWebhookProperties properties,
      WebhookProperties limits,
      Clock clock,
      IngressMetrics metrics) {
    this.intake = intake;
    this.whapi = whapi;
    this.meta = meta;
    this.secret = SharedSecret.of(properties.webhookSecret());
    this.signature = MetaSignature.of(properties.appSecret());
    this.verification = new MetaVerification(SharedSecret.of(properties.verifyToken()));
    this.body = new BoundedBody(limits.maxBodyBytes());
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Health check without parameters, Meta's verification handshake with {@code hub.*}. */
  @GetMapping({"", "/"})
  public ResponseEntity<?> healthOrVerification(
      @RequestParam(name = "hub.mode", required = false) String mode,
      @RequestParam(name = "hub.verify_token", required = false) String token,
      @RequestParam(name = "hub.challenge", required = false) String challenge) {
    if (mode == null && token == null && challenge == null) {
      return ResponseEntity.ok(HEALTH);
    }
    String echo = verification.challengeToEcho(mode, token, challenge);
    return echo == null
        ? error(HttpStatus.FORBIDDEN, "webhook verification failed")
        : ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(echo);
  }

  /** Receives a WHAPI or a Meta webhook. */
  @PostMapping(path = {"", "/"}, consumes = MediaType.APPLICATION_JSON_VALUE)
  public Mono<ResponseEntity<?>> receive(ServerHttpRequest request) {
    Instant receivedAt = clock.instant();
    String traceId = XofiHeaders.newTraceId();
    String signed = request.getHeaders().getFirst(MetaSignature.HEADER);
    Provider[] provider = {signed != null ? Provider.META : Provider.WHAPI};
    Mono<ResponseEntity<?>> answer;
    if (signed != null) {
      // Meta signs the exact bytes it sent, so the check comes before any parsing
      answer = body.read(request)
          .flatMap(bytes -> {
            if (signature.configured() && !signature.matches(bytes, signed)) {
              return Mono.error(new WebhookRejection.Unauthorized(WRONG_SIGNATURE));
            }
            return intake.accept(Provider.META, meta.split(WebhookIntake.parse(bytes), receivedAt), traceId);
          })
          .map(accepted -> ok(traceId, accepted));
    } else if (authentic(request.getHeaders())) {
      answer = body.read(request)
          .flatMap(bytes -> {
            JsonNode webhook = WebhookIntake.parse(bytes);
            if (!MetaWebhookSplitter.isMeta(webhook)) {
              return intake.accept(Provider.WHAPI, whapi.split(webhook, receivedAt), traceId);
            }
            provider[0] = Provider.META;
            if (signature.configured()) {
              return Mono.error(new WebhookRejection.Unauthorized(WRONG_SIGNATURE));
            }
            return intake.accept(Provider.META, meta.split(webhook, receivedAt), traceId);
          })
          .map(accepted -> ok(traceId, accepted));
    } else {
      answer = Mono.error(new WebhookRejection.Unauthorized());
    }
    return answer
        .onErrorResume(WebhookRejection.class, r -> rejected(provider[0], traceId, r))
        .onErrorResume(PublishFailedException.class, e -> unavailable(provider[0], traceId, e))
        .doOnNext(
            response -> metrics.webhookAnswered(provider[0], response.getStatusCode().value()));
  }

  private static ResponseEntity<?> ok(String traceId, Object accepted) {
    return ResponseEntity.ok().header(TRACE_HEADER, traceId).body(accepted);
  }

  // WHAPI custom webhook headers can carry the secret either way (PROVIDERS.md, webhook auth)
  private boolean authentic(HttpHeaders headers) {
    if (!secret.configured()) {
      return true;
    }
    String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
    String bearer =
        authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
            ? authorization.substring(7).trim()
            : null;
    return secret.matches(headers.getFirst(SECRET_HEADER)) || secret.matches(bearer);
  }

  private static Mono<ResponseEntity<?>> rejected(
      Provider provider, String traceId, WebhookRejection rejection) {
    // the rejection's message may quote the body (invalid JSON), so only its kind is logged
    log.info("{} webhook {} rejected with {} ({})", provider, traceId, rejection.status().value(),
        rejection.getClass().getSimpleName());
    return Mono.just(error(rejection.status(), rejection.getMessage()));
  }

  private static Mono<ResponseEntity<?>> unavailable(
      Provider provider, String traceId, PublishFailedException e) {
    log.warn("{} webhook {} not acknowledged, answering 503: {}", provider, traceId, e.getMessage());
    return Mono.just(error(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE));
  }

  private static ResponseEntity<?> error(HttpStatus status, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(new JsonError(message, status.value()));
  }
}
