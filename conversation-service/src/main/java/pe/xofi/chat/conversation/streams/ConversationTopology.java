package pe.xofi.chat.conversation.streams;

import java.util.List;
import java.util.function.LongSupplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import pe.xofi.chat.conversation.engine.ConversationEngine;
import pe.xofi.chat.conversation.metrics.ConversationMetrics;
import pe.xofi.chat.conversation.parser.InboundParser;
import pe.xofi.chat.membercrypto.EnvelopeSealer;
import pe.xofi.chat.conversation.state.ConversationStore;
import pe.xofi.chat.schemas.Topics;

/**
 * The conversation topology: {@code inbound-messages} through the engine, with the {@code
 * conversations} store, to {@code outbound-messages}, {@code media-downloads} and {@code
 * conversation-events}, and the records it gives up on to {@code inbound-messages-dlt}. Built without Spring's container so tests drive it with {@code
 * TopologyTestDriver}.
 */
public final class ConversationTopology {

  /** Name of the engine's processor node. */
  public static final String ENGINE_NODE = "conversation-engine";

  private final InboundParser parser;
  private final ConversationEngine engine;
  private final ConversationMetrics metrics;
  private final LongSupplier nanoTime;
  private final BackOff memberDataBackOff;
  private final EnvelopeSealer sealer;

  /**
   * @param nanoTime the monotonic clock that measures handling time ({@code System::nanoTime});
   *     it never reaches a decision
   * @param memberDataBackOff the waits between attempts at a message while the member data is
   *     unavailable; after the last the task fails and resumes from its last commit
   * @param sealer opens inbound envelopes before parsing and seals the replies
   */
  public ConversationTopology(
      InboundParser parser,
      ConversationEngine engine,
      ConversationMetrics metrics,
      LongSupplier nanoTime,
      BackOff memberDataBackOff,
      EnvelopeSealer sealer) {
    this.parser = parser;
    this.engine = engine;
    this.metrics = metrics;
    this.nanoTime = nanoTime;
    this.memberDataBackOff = memberDataBackOff;
    this.sealer = sealer;
  }

  /** A topology that seals nothing (tests of the engine's wiring; sealed input stays locked). */
  public ConversationTopology(
      InboundParser parser,
      ConversationEngine engine,
      ConversationMetrics metrics,
      LongSupplier nanoTime,
      BackOff memberDataBackOff) {
    this(parser, engine, metrics, nanoTime, memberDataBackOff, EnvelopeSealer.clear());
  }

  /**
   * The back-off for member-data outages in production: 4 retries after 0.2, 0.4, 0.8 and 1.6 s,
   * 3 s of waiting per message, far below {@code max.poll.interval.ms} (5 min) even with the
   * adapters' own timeouts.
   */
  public static BackOff defaultMemberDataBackOff() {
    ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
    backOff.setMaxAttempts(4);
    return backOff;
  }

  /** Adds the conversation topology to {@code builder}. */
  public void addTo(StreamsBuilder builder) {
    builder.addStateStore(ConversationStore.builder());
    // read as bytes: the processor deserializes, so an unreadable record reaches the dead-letter
    // topic with its original bytes in the task's own transaction (Kafka Streams 4.1 has no DLQ)
    KStream<String, EngineOutput> outputs =
        builder.stream(
                Topics.INBOUND_MESSAGES.name(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("inbound-messages-source"))
            .process(
                () -> new ConversationProcessor(parser, engine, metrics, nanoTime, memberDataBackOff, sealer),
                Named.as(ENGINE_NODE),
                ConversationStore.NAME);

    outputs
        .flatMapValues(
            output -> output instanceof EngineOutput.Reply reply ? List.of(reply.message()) : List.of(),
            Named.as("replies"))
        .to(
            Topics.OUTBOUND_MESSAGES.name(),
            Produced.with(Topics.OUTBOUND_MESSAGES.keySerde(), Topics.OUTBOUND_MESSAGES.valueSerde())
                .withName("outbound-messages-sink"));

    outputs
        .flatMapValues(
            output ->
                output instanceof EngineOutput.Download download ? List.of(download.download()) : List.of(),
            Named.as("downloads"))
        .to(
            Topics.MEDIA_DOWNLOADS.name(),
            Produced.with(Topics.MEDIA_DOWNLOADS.keySerde(), Topics.MEDIA_DOWNLOADS.valueSerde())
                .withName("media-downloads-sink"));

    outputs
        .flatMapValues(
            output -> output instanceof EngineOutput.Audit audit ? List.of(audit.event()) : List.of(),
            Named.as("events"))
        .to(
            Topics.CONVERSATION_EVENTS.name(),
            Produced.with(Topics.CONVERSATION_EVENTS.keySerde(), Topics.CONVERSATION_EVENTS.valueSerde())
                .withName("conversation-events-sink"));

    outputs
        .flatMap(
            (key, output) ->
                output instanceof EngineOutput.DeadLetter letter
                    ? List.of(KeyValue.pair(letter.key(), letter.value()))
                    : List.<KeyValue<byte[], byte[]>>of(),
            Named.as("dead-letters"))
        .to(
            Topics.INBOUND_MESSAGES_DLT.name(),
            Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("inbound-messages-dlt-sink"));
  }

  /** The topology on its own, for tests and tools. */
  public Topology build() {
    StreamsBuilder builder = new StreamsBuilder();
    addTo(builder);
    return builder.build();
  }
}
