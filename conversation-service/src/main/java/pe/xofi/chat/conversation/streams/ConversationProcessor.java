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
import pe.xofi.chat.conversation.engine.ConversationEngine;
import pe.xofi.chat.conversation.engine.Decision;
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
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * The thin adapter between Kafka Streams and the engine: reads the conversation's state, asks the
 * engine, writes the new state and forwards replies and events, all in the task's transaction. A
 * message the engine cannot handle is logged, counted and skipped.
 */
final class ConversationProcessor implements Processor<String, InboundEnvelope, String, EngineOutput> {

  private static final Logger log = LoggerFactory.getLogger(ConversationProcessor.class);

  private final InboundParser parser;
  private final ConversationEngine engine;
  private final ConversationMetrics metrics;
  private final LongSupplier nanoTime;

  private ProcessorContext<String, EngineOutput> context;
  private KeyValueStore<String, ConversationState> store;

  ConversationProcessor(
      InboundParser parser, ConversationEngine engine, ConversationMetrics metrics, LongSupplier nanoTime) {
    this.parser = parser;
    this.engine = engine;
    this.metrics = metrics;
    this.nanoTime = nanoTime;
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
      handle(record, envelope);
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
