package pe.xofi.chat.sandbox.inbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts a Meta or Telegram webhook body to the ingress with that provider's headers (Meta's
 * {@code X-Hub-Signature-256} over the exact bytes, Telegram's secret token); an ingress that cannot
 * be reached in time is reported, not retried.
 */
@Component
class ProviderWebhookPoster {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final WebClient web;
  private final JsonMapper json;

  ProviderWebhookPoster(WebClient.Builder web, JsonMapper json) {
    this.web = web.build();
    this.json = json;
  }

  Mono<IngressAnswer> post(URI url, JsonNode webhook, Map<String, String> headers) {
    byte[] body = json.writeValueAsBytes(webhook);
    return web.post()
        .uri(url)
        .contentType(MediaType.APPLICATION_JSON)
        .headers(h -> headers.forEach(h::set))
        .bodyValue(body)
        .exchangeToMono(response -> response.bodyToMono(String.class)
            .defaultIfEmpty("")
            .map(text -> new IngressAnswer(response.statusCode().value(), parse(text), null)))
        .timeout(TIMEOUT)
        .onErrorResume(e -> Mono.just(IngressAnswer.unreachable(
            "ingress unreachable at " + url + ": " + e.getClass().getSimpleName())));
  }

  /** Meta's {@code sha256=<hex HMAC-SHA256>} of {@code webhook} as it will be sent. */
  String metaSignature(String appSecret, JsonNode webhook) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(json.writeValueAsBytes(webhook)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
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
