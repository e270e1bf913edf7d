package pe.xofi.chat.conversation.streams;

import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import pe.xofi.chat.conversation.engine.ConversationEngine;
import pe.xofi.chat.conversation.engine.Decision;
import pe.xofi.chat.conversation.member.MemberDataUnavailableException;
import pe.xofi.chat.conversation.message.InboundMessage;
import pe.xofi.chat.conversation.metrics.ConversationMetrics;
import pe.xofi.chat.conversation.metrics.ConversationMetrics.FailureStage;
import pe.xofi.chat.conversation.parser.InboundParser;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.conversation.state.ConversationStore;
import pe.xofi.chat.schemas.Topic;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.events.ConversationEvent;
import pe.xofi.chat.schemas.events.ConversationEventType;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.media.MediaDownload;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * The thin adapter between Kafka Streams and the engine: reads the conversation's state, asks the
 * engine, writes the new state and forwards replies, events and media downloads, all in the task's
 * transaction. A message the engine cannot handle is logged, counted and skipped; a message that
 * meets a member-data outage is retried with a bounded back-off and then rethrown, so the task
 * fails and resumes from its last committed offset instead of dropping it.
 */
final class ConversationProcessor implements Processor<String, InboundEnvelope, String, EngineOutput> {

  private static final Logger log = LoggerFactory.getLogger(ConversationProcessor.class);

  private final InboundParser parser;
  private final ConversationEngine engine;
  private final ConversationMetrics metrics;
  private final LongSupplier nanoTime;
  private final BackOff memberDataBackOff;

  private ProcessorContext<String, EngineOutput> context;
  private KeyValueStore<String, ConversationState> store;

  ConversationProcessor(
      InboundParser parser,
      ConversationEngine engine,
      ConversationMetrics metrics,
      LongSupplier nanoTime,
      BackOff memberDataBackOff) {
    this.parser = parser;
    this.engine = engine;
    this.metrics = metrics;
    this.nanoTime = nanoTime;
    this.memberDataBackOff = memberDataBackOff;
  }

  @Override
  public void init(ProcessorContext<String, EngineOutput> context) {
    this.context = context;
    this.store = context.getStateStore(ConversationStore.NAME);
  }

  @Override
  public void process(Record<String, InboundEnvelope> record) {
    InboundEnvelope envelope = record.value();
    if (envelope == null) {
      metrics.failed(FailureStage.PROCESSING);
      log.warn("skipped an inbound record without value for {}", masked(record.key()));
      return;
    }
    try {
      handleRetryingOutages(record, envelope);
    } catch (MemberDataUnavailableException e) {
      // the processing exception handler fails the task: the message is retried, never skipped
      metrics.failed(FailureStage.MEMBER_DATA);
      log.warn(
          "member data unavailable for message {} of {}: failing the task to retry from the last commit",
          envelope.messageId(),
          masked(record.key()),
          RedactedFailure.of(e));
      throw e;
    } catch (RuntimeException e) {
      // nothing was written or forwarded before the engine decided, so skipping is clean
      metrics.failed(FailureStage.PROCESSING);
      log.warn(
          "skipped inbound message {} for {}: it could not be handled",
          envelope.messageId(),
          masked(record.key()),
          RedactedFailure.of(e));
    }
  }

  /**
   * Handles the message, trying it again after each back-off while the member data is unavailable;
   * nothing is written before the engine decides, so a retry starts clean.
   */
  private void handleRetryingOutages(Record<String, InboundEnvelope> record, InboundEnvelope envelope) {
    BackOffExecution backOff = memberDataBackOff.start();
    while (true) {
      try {
        handle(record, envelope);
        return;
      } catch (MemberDataUnavailableException e) {
        long waitMs = backOff.nextBackOff();
        if (waitMs == BackOffExecution.STOP) {
          throw e;
        }
        log.info(
            "member data unavailable for message {} of {}, retrying in {} ms",
            envelope.messageId(),
            masked(record.key()),
            waitMs);
        pause(waitMs, e);
      }
    }
  }

  private static void pause(long millis, MemberDataUnavailableException failure) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw failure;
    }
  }

  private void handle(Record<String, InboundEnvelope> record, InboundEnvelope envelope) {
    long started = nanoTime.getAsLong();
    String key = record.key();
    InboundMessage message = parser.parse(key, envelope);
    ConversationState state =
        Objects.requireNonNullElseGet(store.get(key), () -> ConversationState.start(message.origin().channel()));
    // the record timestamp stands in for an envelope without received-at: it replays identically too
    Instant now =
        envelope.receivedAt() != null ? envelope.receivedAt() : Instant.ofEpochMilli(record.timestamp());
    Decision decision = engine.decide(state, message, now);
    long micros = Math.max(0, (nanoTime.getAsLong() - started) / 1_000);
    Decision timed = decision.withHandlingMicros(micros);

    if (!timed.state().equals(state)) {
      store.put(key, timed.state());
    }
    String traceId = XofiHeaders.traceId(record.headers());
    for (OutboundMessage reply : timed.replies()) {
      forward(record, new EngineOutput.Reply(reply), Topics.OUTBOUND_MESSAGES, traceId);
    }
    for (MediaDownload download : timed.downloads()) {
      forward(record, new EngineOutput.Download(download), Topics.MEDIA_DOWNLOADS, traceId);
    }
    for (ConversationEvent event : timed.events()) {
      forward(record, new EngineOutput.Audit(event), Topics.CONVERSATION_EVENTS, traceId);
      count(event, micros);
    }
    log.debug(
        "handled message {} for {} with {} replies",
        envelope.messageId(),
        message.origin().key().masked(),
        timed.replies().size());
  }

  private void forward(
      Record<String, InboundEnvelope> source, EngineOutput output, Topic<?, ?> topic, String traceId) {
    Headers headers = new RecordHeaders();
    XofiHeaders.stamp(headers, topic, traceId);
    context.forward(new Record<>(source.key(), output, source.timestamp(), headers));
  }

  private void count(ConversationEvent event, long micros) {
    metrics.event(event.type().name());
    if (event.type() == ConversationEventType.DUPLICATE_DROPPED) {
      metrics.duplicateDropped();
    } else if (event.type() == ConversationEventType.MESSAGE_HANDLED) {
      metrics.handled(event.intent(), micros);
    }
  }

  /** The key for a log line: masked when it is a conversation key, withheld otherwise. */
  static String masked(String key) {
    try {
      return ConversationKey.parse(key).masked();
    } catch (RuntimeException e) {
      return "<not a conversation key>";
    }
  }
}
