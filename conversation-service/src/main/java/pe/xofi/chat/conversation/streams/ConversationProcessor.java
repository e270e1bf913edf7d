package pe.xofi.chat.conversation.streams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
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
import pe.xofi.chat.membercrypto.EnvelopeSealer;
import pe.xofi.chat.membercrypto.MemberKeysUnavailableException;
import pe.xofi.chat.membercrypto.Unsealed;
import pe.xofi.chat.schemas.DeadLetterReason;
import pe.xofi.chat.schemas.Topic;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.events.ConversationEvent;
import pe.xofi.chat.schemas.events.ConversationEventType;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.InputLimits;
import pe.xofi.chat.schemas.media.MediaDownload;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * The thin adapter between Kafka Streams and the engine: reads the envelope from the record's bytes,
 * reads the conversation's state, asks the engine, writes the new state and forwards replies, events
 * and media downloads, all in the task's transaction. A record that cannot be read, or that makes the
 * parser or the engine throw, is forwarded unchanged (key, bytes, headers) to {@code
 * inbound-messages-dlt} with its reason ({@link DeadLetterReason}), in the same transaction, and the
 * partition moves on. A message that meets a member-data outage is retried with a bounded back-off
 * and then rethrown, so the task fails and resumes from its last committed offset instead of
 * dropping it. Member data arrives sealed ({@link EnvelopeSealer}): it is opened in memory only, a
 * record whose member was forgotten is skipped (no reply, no state), and replies leave sealed.
 */
final class ConversationProcessor implements Processor<byte[], byte[], String, EngineOutput> {

  private static final Logger log = LoggerFactory.getLogger(ConversationProcessor.class);

  private final InboundParser parser;
  private final ConversationEngine engine;
  private final ConversationMetrics metrics;
  private final LongSupplier nanoTime;
  private final BackOff memberDataBackOff;
  private final AuthAlertReport authAlerts;
  private final EnvelopeSealer sealer;

  private ProcessorContext<String, EngineOutput> context;
  private KeyValueStore<String, ConversationState> store;

  ConversationProcessor(
      InboundParser parser,
      ConversationEngine engine,
      ConversationMetrics metrics,
      LongSupplier nanoTime,
      BackOff memberDataBackOff,
      EnvelopeSealer sealer) {
    this.sealer = sealer;
    this.parser = parser;
    this.engine = engine;
    this.metrics = metrics;
    this.nanoTime = nanoTime;
    this.memberDataBackOff = memberDataBackOff;
    this.authAlerts = new AuthAlertReport(metrics);
  }

  @Override
  public void init(ProcessorContext<String, EngineOutput> context) {
    this.context = context;
    this.store = context.getStateStore(ConversationStore.NAME);
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    InboundEnvelope envelope;
    try {
      envelope = read(record);
    } catch (RuntimeException e) {
      deadLetter(record, key, FailureStage.DESERIALIZATION, e);
      return;
    }
    Decided decided;
    try {
      decided = decideRetryingOutages(record, key, envelope);
      if (decided == null) {
        log.info("message {} of {} belongs to a forgotten member: skipped", InputLimits.messageId(envelope.messageId()), masked(key));
        return;
      }
    } catch (MemberDataUnavailableException e) {
      // the processing exception handler fails the task: the message is retried, never skipped
      metrics.failed(FailureStage.MEMBER_DATA);
      log.warn(
          "member data unavailable for message {} of {}: failing the task to retry from the last commit",
          InputLimits.messageId(envelope.messageId()),
          masked(key),
          RedactedFailure.of(e));
      throw e;
    } catch (RuntimeException e) {
      // nothing was written or forwarded before the engine decided, so the dead letter is all there is
      deadLetter(record, key, FailureStage.PROCESSING, e);
      return;
    }
    // writes and forwards are outside the guard: a producer or task-migration failure is Kafka's to handle
    write(record, key, envelope, decided);
  }

  private static InboundEnvelope read(Record<byte[], byte[]> record) {
    if (record.key() == null) {
      throw new PoisonRecordException("inbound record without key");
    }
    if (record.value() == null) {
      throw new PoisonRecordException("inbound record without value");
    }
    return Topics.INBOUND_MESSAGES.valueSerde().deserializer()
        .deserialize(Topics.INBOUND_MESSAGES.name(), record.value());
  }

  /**
   * Forwards the record as it arrived to the dead-letter topic, with the reason in its headers; the
   * record's own headers (trace id) are kept.
   */
  private void deadLetter(Record<byte[], byte[]> record, String key, FailureStage stage, RuntimeException failure) {
    metrics.failed(stage);
    RecordMetadata source = context.recordMetadata().orElse(null);
    DeadLetterReason reason =
        DeadLetterReason.of(
            failure,
            source == null ? Topics.INBOUND_MESSAGES.name() : source.topic(),
            source == null ? -1 : source.partition(),
            source == null ? -1L : source.offset(),
            context.applicationId(),
            Instant.ofEpochMilli(context.currentSystemTimeMs()));
    Headers headers = reason.writeTo(new RecordHeaders(record.headers().toArray()));
    context.forward(
        new Record<>(key, new EngineOutput.DeadLetter(record.key(), record.value()), record.timestamp(), headers));
    log.warn(
        "dead-lettered the {} record {}-{}@{} of {} to {}: {}",
        stage.name().toLowerCase(java.util.Locale.ROOT),
        reason.sourceTopic(),
        reason.partition(),
        reason.offset(),
        masked(key),
        Topics.INBOUND_MESSAGES_DLT,
        reason.exception());
  }

  /** What the engine decided for one message, with the state it decided on and its replies as sent (sealed). */
  private record Decided(
      ConversationState before, Decision decision, InboundMessage message, long micros, List<OutboundMessage> replies) {}

  /**
   * Decides on the message, trying it again after each back-off while the member data is
   * unavailable; nothing is written before the engine decides, so a retry starts clean.
   */
  private Decided decideRetryingOutages(Record<byte[], byte[]> record, String key, InboundEnvelope envelope) {
    BackOffExecution backOff = memberDataBackOff.start();
    while (true) {
      try {
        return decide(record, key, envelope);
      } catch (MemberDataUnavailableException e) {
        long waitMs = backOff.nextBackOff();
        if (waitMs == BackOffExecution.STOP) {
          throw e;
        }
        log.info(
            "member data unavailable for message {} of {}, retrying in {} ms",
            InputLimits.messageId(envelope.messageId()),
            masked(key),
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

  /** The decision on the message, or null when its member was forgotten and it cannot be opened. */
  private Decided decide(Record<byte[], byte[]> record, String key, InboundEnvelope envelope) {
    long started = nanoTime.getAsLong();
    InboundEnvelope opened;
    switch (open(envelope)) {
      case Unsealed.Readable<InboundEnvelope> readable -> opened = readable.value();
      case Unsealed.Forgotten<InboundEnvelope> forgotten -> {
        return null;
      }
      case Unsealed.Locked<InboundEnvelope> locked ->
          throw new PoisonRecordException("a sealed inbound record and no XOFI_DATA_KEYSET to open it");
    }
    InboundMessage message = parser.parse(key, opened);
    ConversationState state =
        Objects.requireNonNullElseGet(store.get(key), () -> ConversationState.start(message.origin().channel()));
    // the record timestamp stands in for an envelope without received-at: it replays identically too
    Instant now =
        envelope.receivedAt() != null ? envelope.receivedAt() : Instant.ofEpochMilli(record.timestamp());
    Decision decision = engine.decide(state, message, now);
    long micros = Math.max(0, (nanoTime.getAsLong() - started) / 1_000);
    return new Decided(state, decision.withHandlingMicros(micros), message, micros,
        decision.replies().stream().map(this::seal).toList());
  }

  // the data-key read is member data like the others: an outage is retried, never skipped
  private Unsealed<InboundEnvelope> open(InboundEnvelope envelope) {
    try {
      return sealer.open(envelope);
    } catch (MemberKeysUnavailableException e) {
      throw new MemberDataUnavailableException("member data keys unavailable", e);
    }
  }

  private OutboundMessage seal(OutboundMessage reply) {
    try {
      return sealer.seal(reply);
    } catch (MemberKeysUnavailableException e) {
      throw new MemberDataUnavailableException("member data keys unavailable", e);
    }
  }

  private void write(Record<byte[], byte[]> record, String key, InboundEnvelope envelope, Decided decided) {
    Decision timed = decided.decision();
    if (!timed.state().equals(decided.before())) {
      store.put(key, timed.state());
    }
    String traceId = XofiHeaders.traceId(record.headers());
    for (OutboundMessage reply : decided.replies()) {
      forward(key, record, new EngineOutput.Reply(reply), Topics.OUTBOUND_MESSAGES, traceId);
    }
    for (MediaDownload download : timed.downloads()) {
      forward(key, record, new EngineOutput.Download(download), Topics.MEDIA_DOWNLOADS, traceId);
    }
    for (ConversationEvent event : timed.events()) {
      forward(key, record, new EngineOutput.Audit(event), Topics.CONVERSATION_EVENTS, traceId);
      count(event, decided.micros());
    }
    authAlerts.report(timed.alerts(), decided.message().origin().key());
    log.debug(
        "handled message {} for {} with {} replies",
        InputLimits.messageId(envelope.messageId()),
        decided.message().origin().key().masked(),
        decided.replies().size());
  }

  private void forward(
      String key, Record<byte[], byte[]> source, EngineOutput output, Topic<?, ?> topic, String traceId) {
    Headers headers = new RecordHeaders();
    XofiHeaders.stamp(headers, topic, traceId);
    context.forward(new Record<>(key, output, source.timestamp(), headers));
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
    if (key == null) {
      return "<no key>";
    }
    try {
      return ConversationKey.parse(key).masked();
    } catch (RuntimeException e) {
      return "<not a conversation key>";
    }
  }
}
