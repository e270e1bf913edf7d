package pe.xofi.chat.outbound.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.testsupport.KafkaTestBroker;
import pe.xofi.chat.testsupport.PostgresTestDatabase;

/**
 * The settings every outbound integration test shares: the registry's topics on the shared broker,
 * the ledger database, and consumer groups of the test's own that start at the log's end, so no
 * test consumes another's replies or media requests.
 */
public final class OutboundTestContext {

  private OutboundTestContext() {}

  /** Registers the shared settings for a test whose reply consumer group is {@code group}. */
  public static void register(DynamicPropertyRegistry registry, String group, PostgresTestDatabase db) {
    KafkaTestBroker.createRegistryTopics(Topics.DEFAULT_PARTITIONS, Topics.ALL);
    LedgerDatabase.register(registry, db);
    registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
    registry.add("spring.kafka.consumer.group-id", () -> group);
    // the media stage runs too; a group of its own keeps it off other tests' media requests
    registry.add("xofi.outbound.media.group-id", () -> group + "-media");
    registry.add("spring.kafka.consumer.auto-offset-reset", () -> "latest");
  }
}
