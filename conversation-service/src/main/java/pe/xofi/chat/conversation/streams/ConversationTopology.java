package pe.xofi.chat.conversation.streams;

import java.util.List;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import pe.xofi.chat.conversation.engine.ConversationEngine;
import pe.xofi.chat.conversation.metrics.ConversationMetrics;
import pe.xofi.chat.conversation.parser.InboundParser;
import pe.xofi.chat.conversation.state.ConversationStore;
import pe.xofi.chat.schemas.Topics;

/**
 * The conversation topology: {@code inbound-messages} through the engine, with the {@code
 * conversations} store, to {@code outbound-messages} and {@code conversation-events}. Built without
 * Spring so tests drive it with {@code TopologyTestDriver}.
 */
public final class ConversationTopology {

  /** Name of the engine's processor node. */
  public static final String ENGINE_NODE = "conversation-engine";

  private final InboundParser parser;
  private final ConversationEngine engine;
  private final ConversationMetrics metrics;
  private final LongSupplier nanoTime;

  /**
   * @param nanoTime the monotonic clock that measures handling time ({@code System::nanoTime});
   *     it never reaches a decision
   */
  public ConversationTopology(
      InboundParser parser, ConversationEngine engine, ConversationMetrics metrics, LongSupplier nanoTime) {
    this.parser = parser;
    this.engine = engine;
    this.metrics = metrics;
    this.nanoTime = nanoTime;
  }

  /** Adds the conversation topology to {@code builder}. */
  public void addTo(StreamsBuilder builder) {
    builder.addStateStore(ConversationStore.builder());
    KStream<String, EngineOutput> outputs =
        builder.stream(
                Topics.INBOUND_MESSAGES.name(),
                Consumed.with(Topics.INBOUND_MESSAGES.keySerde(), Topics.INBOUND_MESSAGES.valueSerde())
                    .withName("inbound-messages-source"))
            .process(
                () -> new ConversationProcessor(parser, engine, metrics, nanoTime),
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
            output -> output instanceof EngineOutput.Audit audit ? List.of(audit.event()) : List.of(),
            Named.as("events"))
        .to(
            Topics.CONVERSATION_EVENTS.name(),
            Produced.with(Topics.CONVERSATION_EVENTS.keySerde(), Topics.CONVERSATION_EVENTS.valueSerde())
                .withName("conversation-events-sink"));
  }

  /** The topology on its own, for tests and tools. */
  public Topology build() {
    StreamsBuilder builder = new StreamsBuilder();
    addTo(builder);
    return builder.build();
  }
}
