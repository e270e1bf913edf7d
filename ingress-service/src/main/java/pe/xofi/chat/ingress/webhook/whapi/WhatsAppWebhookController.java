package pe.xofi.chat.ingress.webhook.whapi;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
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
import pe.xofi.chat.ingress.webhook.auth.WebhookAuthenticator;
import pe.xofi.chat.ingress.webhook.auth.WebhookDecision;
import pe.xofi.chat.ingress.webhook.auth.WhatsAppCredentials;
import pe.xofi.chat.ingress.webhook.meta.MetaSignature;
import pe.xofi.chat.ingress.webhook.meta.MetaVerification;
import pe.xofi.chat.ingress.webhook.meta.MetaWebhookSplitter;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.inbound.Provider;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The WhatsApp webhook endpoint of both providers: a POST is served as Meta's when its body is
 * {@code "object": "whatsapp_business_account"} and as WHAPI's otherwise, and only when it carries
 * that provider's configured credential ({@link WebhookAuthenticator}); it is answered 200 only once
 * Kafka holds every record it caused, and 503 otherwise so the provider retries. A GET is the health
 * check or Meta's handshake.
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

  private final WebhookIntake intake;
  private final WhapiWebhookSplitter whapi;
  private final MetaWebhookSplitter meta;
  private final WebhookAuthenticator authenticator;
  private final MetaVerification verification;
  private final BoundedBody body;
  private final Clock clock;
  private final IngressMetrics metrics;

  public WhatsAppWebhookController(
      WebhookIntake intake,
      WhapiWebhookSplitter whapi,
      MetaWebhookSplitter meta,
      WebhookAuthenticator authenticator,
      WhatsAppWebhookProperties properties,
      WebhookProperties limits,
      Clock clock,
      IngressMetrics metrics) {
    this.intake = intake;
    this.whapi = whapi;
    this.meta = meta;
    this.authenticator = authenticator;
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
    boolean handshake = mode != null || token != null || challenge != null;
    if (!authenticator.serves(Provider.META) && (handshake || !authenticator.serves(Provider.WHAPI))) {
      return error(new WebhookRejection.NotServed());
    }
    if (!handshake) {
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
    HttpHeaders headers = request.getHeaders();
    WhatsAppCredentials credentials = new WhatsAppCredentials(
        headers.getFirst(SECRET_HEADER),
        WhatsAppCredentials.bearerToken(headers.getFirst(HttpHeaders.AUTHORIZATION)),
        headers.getFirst(MetaSignature.HEADER));
    // the provider a refusal is counted under until the body shows whose webhook it is
    Provider[] provider = {credentials.claimed()};
    // a refusal the headers decide is answered before a byte of the body is read
    Mono<ResponseEntity<?>> answer = authenticator.whatsAppBeforeBody(credentials)
        .map(refusal -> Mono.<ResponseEntity<?>>error(refusal.rejection()))
        .orElseGet(() -> body.read(request)
            .flatMap(bytes -> {
              // Meta signs the exact bytes it sent, so the check comes before any parsing
              Set<Provider> authenticated = authenticator.whatsAppAuthenticated(credentials, bytes);
              if (authenticated.isEmpty()) {
                return Mono.error(
                    new WebhookDecision.Unauthenticated(credentials.claimed()).rejection());
              }
              JsonNode webhook = WebhookIntake.parse(bytes);
              Provider shape = MetaWebhookSplitter.isMeta(webhook) ? Provider.META : Provider.WHAPI;
              provider[0] = shape;
              return switch (authenticator.whatsApp(authenticated, shape)) {
                case WebhookDecision.Accepted(Provider accepted) -> intake.accept(accepted,
                    accepted == Provider.META
                        ? meta.split(webhook, receivedAt)
                        : whapi.split(webhook, receivedAt),
                    traceId);
                case WebhookDecision.Refused refusal -> Mono.error(refusal.rejection());
              };
            })
            .map(accepted -> ok(traceId, accepted)));
    return answer
        .onErrorResume(WebhookRejection.class, r -> rejected(provider[0], traceId, r))
        .onErrorResume(PublishFailedException.class, e -> unavailable(provider[0], traceId, e))
        .doOnNext(
            response -> metrics.webhookAnswered(provider[0], response.getStatusCode().value()));
  }
  private static ResponseEntity<?> ok(String traceId, Object accepted) {
    return ResponseEntity.ok().header(TRACE_HEADER, traceId).body(accepted);
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

  private static ResponseEntity<?> error(WebhookRejection rejection) {
    return error(rejection.status(), rejection.getMessage());
  }

  private static ResponseEntity<?> error(HttpStatus status, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(new JsonError(message, status.value()));
  }
}
