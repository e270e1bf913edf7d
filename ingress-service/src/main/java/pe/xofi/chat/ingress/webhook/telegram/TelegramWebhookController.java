package pe.xofi.chat.ingress.webhook.telegram;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import pe.xofi.chat.ingress.metrics.IngressMetrics;
import pe.xofi.chat.ingress.publish.PublishFailedException;
import pe.xofi.chat.ingress.web.JsonError;
import pe.xofi.chat.ingress.webhook.BoundedBody;
import pe.xofi.chat.ingress.webhook.WebhookIntake;
import pe.xofi.chat.ingress.webhook.WebhookProperties;
import pe.xofi.chat.ingress.webhook.WebhookRejection;
import pe.xofi.chat.ingress.webhook.auth.WebhookAuthenticator;
import pe.xofi.chat.ingress.webhook.auth.WebhookDecision;
import pe.xofi.chat.ingress.webhook.whapi.WhatsAppWebhookController;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.inbound.Provider;
import reactor.core.publisher.Mono;

/**
 * The Telegram webhook endpoint: an update is accepted only with the configured secret token
 * ({@link WebhookAuthenticator}) and answered 200 once Kafka holds its record, 503 otherwise so
 * Telegram repeats it.
 */
@RestController
@RequestMapping("/chatbot/webhook/telegram")
public class TelegramWebhookController {

  private static final Logger log = LoggerFactory.getLogger(TelegramWebhookController.class);

  /** Header Telegram sends setWebhook's {@code secret_token} in. */
  public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

  private static final Map<String, String> HEALTH =
      Map.of("status", "ok", "service", "telegram_chatbot");

  private final WebhookIntake intake;
  private final TelegramUpdateSplitter splitter;
  private final WebhookAuthenticator authenticator;
  private final BoundedBody body;
  private final Clock clock;
  private final IngressMetrics metrics;

  public TelegramWebhookController(
      WebhookIntake intake,
      TelegramUpdateSplitter splitter,
      WebhookAuthenticator authenticator,
      WebhookProperties limits,
      Clock clock,
      IngressMetrics metrics) {
    this.intake = intake;
    this.splitter = splitter;
    this.authenticator = authenticator;
    this.body = new BoundedBody(limits.maxBodyBytes());
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Health check, as on the WhatsApp path. */
  @GetMapping({"", "/"})
  public ResponseEntity<?> health() {
    if (!authenticator.serves(Provider.TELEGRAM)) {
      WebhookRejection notServed = new WebhookRejection.NotServed();
      return error(notServed.status(), notServed.getMessage());
    }
    return ResponseEntity.ok(HEALTH);
  }

  /** Receives one Telegram update. */
  @PostMapping(path = {"", "/"}, consumes = MediaType.APPLICATION_JSON_VALUE)
  public Mono<ResponseEntity<?>> receive(ServerHttpRequest request) {
    Instant receivedAt = clock.instant();
    String traceId = XofiHeaders.newTraceId();
    // the secret token is a header, so a refused update's body is never read
    Mono<ResponseEntity<?>> answer =
        switch (authenticator.telegram(request.getHeaders().getFirst(SECRET_HEADER))) {
          case WebhookDecision.Accepted accepted -> body.read(request)
              .flatMap(bytes -> intake.accept(
                  Provider.TELEGRAM, splitter.split(WebhookIntake.parse(bytes), receivedAt), traceId))
              .map(webhook -> ResponseEntity.ok()
                  .header(WhatsAppWebhookController.TRACE_HEADER, traceId).body(webhook));
          case WebhookDecision.Refused refusal -> Mono.error(refusal.rejection());
        };
    return answer
        .onErrorResume(WebhookRejection.class, r -> {
          log.info("TELEGRAM webhook {} rejected with {} ({})", traceId, r.status().value(),
              r.getClass().getSimpleName());
          return Mono.just(error(r.status(), r.getMessage()));
        })
        .onErrorResume(PublishFailedException.class, e -> {
          log.warn("TELEGRAM webhook {} not acknowledged, answering 503: {}", traceId, e.getMessage());
          return Mono.just(error(HttpStatus.SERVICE_UNAVAILABLE,
              "Kafka did not acknowledge the webhook; retry later"));
        })
        .doOnNext(response -> metrics.webhookAnswered(Provider.TELEGRAM, response.getStatusCode().value()));
  }

  private static ResponseEntity<?> error(HttpStatus status, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(new JsonError(message, status.value()));
  }
}
