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
import pe.xofi.chat.ingress.webhook.WebhookProperties;
import pe.xofi.chat.ingress.webhook.WebhookRejection;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.inbound.Provider;
import reactor.core.publisher.Mono;

/**
 * The WhatsApp webhook endpoint: a POST is answered 200 only once Kafka holds every record it
 * caused, and 503 otherwise so the provider retries; a GET is the health check or Meta's handshake.
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

  private static final String UNAVAILABLE = "Kafka did not acknowledge the webhook; retry later";

  private final WhapiWebhookIntake intake;
  private final SharedSecret secret;
  private final MetaVerification verification;
  private final BoundedBody body;
  private final Clock clock;
  private final IngressMetrics metrics;

  public WhatsAppWebhookController(
      WhapiWebhookIntake intake,
      WhatsAppWebhookProperties properties,
      WebhookProperties limits,
      Clock clock,
      IngressMetrics metrics) {
    this.intake = intake;
    this.secret = SharedSecret.of(properties.webhookSecret());
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

  /** Receives a WHAPI webhook. */
  @PostMapping(path = {"", "/"}, consumes = MediaType.APPLICATION_JSON_VALUE)
  public Mono<ResponseEntity<?>> receive(ServerHttpRequest request) {
    Instant receivedAt = clock.instant();
    String traceId = XofiHeaders.newTraceId();
    Mono<ResponseEntity<?>> answer =
        authentic(request.getHeaders())
            ? body.read(request)
                .flatMap(bytes -> intake.accept(bytes, receivedAt, traceId))
                .<ResponseEntity<?>>map(accepted -> ResponseEntity.ok().header(TRACE_HEADER, traceId).body(accepted))
            : Mono.error(new WebhookRejection.Unauthorized());
    return answer
        .onErrorResume(WebhookRejection.class, r -> rejected(traceId, r))
        .onErrorResume(PublishFailedException.class, e -> unavailable(traceId, e))
        .doOnNext(
            response -> metrics.webhookAnswered(Provider.WHAPI, response.getStatusCode().value()));
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

  private static Mono<ResponseEntity<?>> rejected(String traceId, WebhookRejection rejection) {
    // the rejection's message may quote the body (invalid JSON), so only its kind is logged
    log.info("WHAPI webhook {} rejected with {} ({})", traceId, rejection.status().value(),
        rejection.getClass().getSimpleName());
    return Mono.just(error(rejection.status(), rejection.getMessage()));
  }

  private static Mono<ResponseEntity<?>> unavailable(String traceId, PublishFailedException e) {
    log.warn("WHAPI webhook {} not acknowledged, answering 503: {}", traceId, e.getMessage());
    return Mono.just(error(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE));
  }

  private static ResponseEntity<?> error(HttpStatus status, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(new JsonError(message, status.value()));
  }
}
