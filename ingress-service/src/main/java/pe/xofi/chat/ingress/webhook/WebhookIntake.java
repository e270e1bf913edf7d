package pe.xofi.chat.ingress.webhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pe.xofi.chat.ingress.metrics.IngressMetrics;
import pe.xofi.chat.ingress.publish.PendingRecord;
import pe.xofi.chat.ingress.publish.RecordPublisher;
import pe.xofi.chat.ingress.publish.RecordTooLargeException;
import pe.xofi.chat.ingress.webhook.WebhookRejection.InvalidJson;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.status.ProviderStatus;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Takes one split webhook of any provider to acknowledged Kafka records: every record is published
 * under one trace id, and the webhook is accepted only when all are acked. A webhook of more items
 * than allowed, with a message too large for Kafka, or with nothing to publish but refused items is
 * answered with a permanent 4xx and publishes nothing (docs/INPUT-LIMITS.md).
 */
public final class WebhookIntake {

  private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

  // a body with something after the JSON value is not what any provider sends
  private static final ObjectReader READER =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final Pattern SOURCE_REFERENCE =
      Pattern.compile("\\s*\\([^()]*\\[Source:[^\\]]*\\]\\)");

  private final RecordPublisher publisher;
  private final IngressMetrics metrics;
  private final int maxMessages;

  /**
   * An intake publishing through {@code publisher} the webhooks of at most {@code maxMessages}
   * messages and statuses.
   */
  public WebhookIntake(RecordPublisher publisher, IngressMetrics metrics, int maxMessages) {
    this.publisher = publisher;
    this.metrics = metrics;
    this.maxMessages = maxMessages;
  }

  /** Publishes what {@code webhook}, split from a {@code provider} body, carries under {@code traceId}. */
  public Mono<WebhookAccepted> accept(Provider provider, ProviderWebhook webhook, String traceId) {
    return switch (webhook) {
      case ProviderWebhook.Unhandled unhandled -> {
        log.info("{} webhook {}: event {} is not consumed, acknowledged", provider, traceId,
            unhandled.eventType());
        yield Mono.just(WebhookAccepted.of(0, 0));
      }
      case ProviderWebhook.Batch batch -> publish(provider, batch, traceId);
    };
  }

  private Mono<WebhookAccepted> publish(Provider provider, ProviderWebhook.Batch batch, String traceId) {
    if (batch.items() > maxMessages) {
      return Mono.error(new WebhookRejection.TooManyMessages(batch.items(), maxMessages));
    }
    for (ProviderWebhook.Skipped skipped : batch.skipped()) {
      metrics.skipped(provider, skipped.reason());
      log.debug("{} webhook {}: item {} skipped ({})", provider, traceId, skipped.itemId(),
          skipped.reason());
    }
    for (String field : batch.cutFields()) {
      metrics.cut(provider, field);
      log.debug("{} webhook {}: {} cut to its limit", provider, traceId, field);
    }
    if (batch.messages().isEmpty() && batch.statuses().isEmpty()
        && batch.skipped().stream().anyMatch(skipped -> skipped.reason().refused())) {
      return Mono.error(new WebhookRejection.EveryItemRefused(refusals(batch.skipped())));
    }
    List<PendingRecord<?>> records = new ArrayList<>();
    for (InboundEnvelope envelope : batch.messages()) {
      records.add(new PendingRecord<>(Topics.INBOUND_MESSAGES, envelope.conversationKey(), envelope));
    }
    for (ProviderStatus status : batch.statuses()) {
      records.add(new PendingRecord<>(Topics.PROVIDER_STATUSES, status.conversationKey(), status));
    }
    return publisher
        .publishAll(records, traceId)
        .onErrorMap(RecordTooLargeException.class, e -> new WebhookRejection.RecordTooLarge(e.getMessage()))
        .doOnSuccess(ignored -> logPublished(provider, batch, traceId))
        .thenReturn(WebhookAccepted.of(batch.messages().size(), batch.statuses().size()));
  }

  /** {@code 2 with an id over its cap (...)}, one phrase per reason of refusal, in webhook order. */
  private static String refusals(List<ProviderWebhook.Skipped> skipped) {
    Map<SkipReason, Long> counts = skipped.stream()
        .filter(item -> item.reason().refused())
        .collect(Collectors.groupingBy(ProviderWebhook.Skipped::reason, LinkedHashMap::new, Collectors.counting()));
    return counts.entrySet().stream()
        .map(count -> count.getValue() + " with " + count.getKey().problem())
        .collect(Collectors.joining(", "));
  }

  private static void logPublished(Provider provider, ProviderWebhook.Batch batch, String traceId) {
    if (log.isDebugEnabled()) {
      batch.messages().forEach(m -> log.debug("{} webhook {}: message {} of {} published",
          provider, traceId, m.messageId(), ConversationKey.parse(m.conversationKey()).masked()));
      batch.statuses().forEach(s -> log.debug("{} webhook {}: status {} of {} for {} published",
          provider, traceId, s.status(), ConversationKey.parse(s.conversationKey()).masked(),
          s.providerMessageId()));
    }
    // debug, not info: one line per webhook was 3.6 % of the ingress's CPU at bench rates, and
    // xofi.ingress.webhooks counts them; refusals and 503s stay at info and warn
    log.debug("{} webhook {} accepted: {} messages, {} statuses, {} skipped", provider, traceId,
        batch.messages().size(), batch.statuses().size(), batch.skipped().size());
  }

  /** The JSON value of a webhook body, or {@link InvalidJson} naming the problem (never the body). */
  public static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw new InvalidJson("empty body");
    }
    try {
      JsonNode tree = READER.readTree(body);
      if (tree == null || tree.isMissingNode()) {
        throw new InvalidJson("no JSON value");
      }
      return tree;
    } catch (JacksonException e) {
      // the original message may quote the body back to its sender, never to a log line
      throw new InvalidJson(describe(e));
    }
  }

  // Jackson's own wording, without its "[Source: REDACTED ...]" reference, plus line and column
  private static String describe(JacksonException e) {
    String problem = SOURCE_REFERENCE.matcher(e.getOriginalMessage()).replaceAll("");
    TokenStreamLocation at = e.getLocation();
    return at == null || at.getLineNr() < 1
        ? problem
        : problem + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
  }
}
