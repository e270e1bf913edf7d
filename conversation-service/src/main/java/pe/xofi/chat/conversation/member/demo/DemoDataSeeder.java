package pe.xofi.chat.conversation.member.demo;

import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.connection.init.ResourceDatabasePopulator;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Loads the demo members ({@code db/demo/demo-data.sql}) into a database without partners, in one
 * transaction; a database that has any partner is left as it is.
 */
public final class DemoDataSeeder {

  static final String SCRIPT = "db/demo/demo-data.sql";

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final ConnectionFactory connectionFactory;
  private final DatabaseClient client;
  private final TransactionalOperator transactional;

  public DemoDataSeeder(ConnectionFactory connectionFactory, ReactiveTransactionManager transactionManager) {
    this.connectionFactory = connectionFactory;
    this.client = DatabaseClient.create(connectionFactory);
    this.transactional = TransactionalOperator.create(transactionManager);
  }

  /** What was loaded, or empty when the database already had partners. */
  public Optional<DemoDataCounts> seedIfEmpty() {
    ResourceDatabasePopulator script =
        new ResourceDatabasePopulator(false, false, "UTF-8", new ClassPathResource(SCRIPT));
    // the lock makes a second instance starting at the same time wait, then find the partners
    Mono<DemoDataCounts> seeding =
        client
            .sql("LOCK TABLE partner IN SHARE ROW EXCLUSIVE MODE")
            .then()
            .then(count("partner"))
            .filter(partners -> partners == 0)
            .flatMap(none -> script.populate(connectionFactory).then(counts()))
            .as(transactional::transactional);
    return seeding.blockOptional(PATIENCE);
  }

  private Mono<DemoDataCounts> counts() {
    return Mono.zip(count("partner"), count("loan"), count("installment"))
        .map(t -> new DemoDataCounts(t.getT1(), t.getT2(), t.getT3()));
  }

  private Mono<Long> count(String table) {
    return client.sql("SELECT count(*) FROM " + table).mapValue(Long.class).one();
  }

  /** How many rows the demo data holds. */
  public record DemoDataCounts(long partners, long loans, long installments) {}
}
