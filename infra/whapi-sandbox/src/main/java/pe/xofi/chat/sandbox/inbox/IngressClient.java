package pe.xofi.chat.sandbox.inbox;

import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import pe.xofi.chat.sandbox.SandboxProperties;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts webhooks to the ingress as WHAPI does, with the shared secret header when one is
 * configured; an ingress that cannot be reached in time is reported, not retried.
 */
@Component
class IngressClient {

  static final String SECRET_HEADER = "X-Webhook-Secret";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final WebClient web;
  private final SandboxProperties properties;
  private final JsonMapper json;

  IngressClient(WebClient.Builder web, SandboxProperties properties, JsonMapper json) {
    this.web = web.build();
    this.properties = properties;
    this.json = json;
  }

  Mono<IngressAnswer> post(WhapiWebhook webhook) {
    return web.post()
        .uri(properties.ingressUrl())
        .contentType(MediaType.APPLICATION_JSON)
        .headers(h -> {
          if (properties.hasWebhookSecret()) {
            h.set(SECRET_HEADER, properties.webhookSecret());
          }
        })
        // serialised here so the ingress receives exactly the bytes the sandbox reports back
        .bodyValue(json.writeValueAsString(webhook))
        .exchangeToMono(response -> response.bodyToMono(String.class)
            .defaultIfEmpty("")
            .map(body -> new IngressAnswer(response.statusCode().value(), parse(body), null)))
        .timeout(TIMEOUT)
        .onErrorResume(e -> Mono.just(IngressAnswer.unreachable(
            "ingress unreachable at " + properties.ingressUrl() + ": " + e.getClass().getSimpleName())));
  }

  private JsonNode parse(String body) {
    if (body.isBlank()) {
      return null;
    }
    try {
      return json.readTree(body);
    } catch (JacksonException e) {
      return json.getNodeFactory().stringNode(body);
    }
  }
}
