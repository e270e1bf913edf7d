package pe.xofi.chat.ingress.webhook.whapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pe.xofi.chat.ingress.metrics.IngressMetrics;
import pe.xofi.chat.ingress.publish.PendingRecord;
import pe.xofi.chat.ingress.publish.RecordPublisher;
import pe.xofi.chat.ingress.webhook.WebhookAccepted;
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
 * Takes one WHAPI webhook body from bytes to acknowledged Kafka records: parse, split, publish every
 * record under one trace id, and accept only when all are acked.
 */
public final class WhapiWebhookIntake {

  private static final Logger log = LoggerFactory.getLogger(WhapiWebhookIntake.class);

  // a body with something after the JSON value is not what WHAPI sends
  private static final ObjectReader READER =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final Pattern SOURCE_REFERENCE =
      Pattern.compile("\\s*\\([^()]*\\[Source:[^\\]]*\\]\\)");

  private final WhapiWebhookSplitter splitter;
  private final RecordPublisher publisher;
  private final IngressMetrics metrics;

  public WhapiWebhookIntake(
      WhapiWebhookSplitter splitter, RecordPublisher publisher, IngressMetrics metrics) {
    this.splitter = splitter;
    this.publisher = publisher;
    this.metrics = metrics;
  }

  /**
   * Publishes what {@code body}, received at {@code receivedAt} under {@code traceId}, carries;
   * fails with a webhook rejection for bodies that are not a WHAPI webhook.
   */
  public Mono<WebhookAccepted> accept(byte[] body, Instant receivedAt, String traceId) {
    return Mono.defer(
        () ->
            switch (splitter.split(parse(body), receivedAt)) {
              case WhapiWebhook.Unhandled unhandled -> {
                log.info("WHAPI webhook {}: event {} is not consumed, acknowledged", traceId,
                    unhandled.eventType());
                yield Mono.just(WebhookAccepted.of(0, 0));
              }
              case WhapiWebhook.Batch batch -> publish(batch, traceId);
            });
  }

  private Mono<WebhookAccepted> publish(WhapiWebhook.Batch batch, String traceId) {
    for (WhapiWebhook.Skipped skipped : batch.skipped()) {
      metrics.skipped(Provider.WHAPI, skipped.reason());
      log.debug("WHAPI webhook {}: item {} skipped ({})", traceId, skipped.itemId(),
          skipped.reason());
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
        .doOnSuccess(ignored -> logPublished(batch, traceId))
        .thenReturn(WebhookAccepted.of(batch.messages().size(), batch.statuses().size()));
  }

  private static void logPublished(WhapiWebhook.Batch batch, String traceId) {
    if (log.isDebugEnabled()) {
      batch.messages().forEach(m -> log.debug("WHAPI webhook {}: message {} of {} published",
          traceId, m.messageId(), ConversationKey.parse(m.conversationKey()).masked()));
      batch.statuses().forEach(s -> log.debug("WHAPI webhook {}: status {} of {} for {} published",
          traceId, s.status(), ConversationKey.parse(s.conversationKey()).masked(),
          s.providerMessageId()));
    }
    log.info("WHAPI webhook {} accepted: {} messages, {} statuses, {} skipped", traceId,
        batch.messages().size(), batch.statuses().size(), batch.skipped().size());
  }

  private static JsonNode parse(byte[] body) {
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
