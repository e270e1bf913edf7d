package pe.xofi.chat.outbound.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.xofi.chat.outbound.support.Replies;

/** A database that cannot be reached is a transient failure, retried like an unavailable provider. */
class ReceiptRepositoryTest {

  @Test
  void shouldFailTransientlyWhenTheDatabaseIsUnavailable() {
    // given
    ConnectionFactory unreachable = ConnectionFactories.get(
        "r2dbc:postgresql://postgres@localhost:" + Replies.closedPort() + "/xofi");
    ReceiptRepository receipts = new ReceiptRepository(DatabaseClient.create(unreachable),
        TransactionalOperator.create(new R2dbcTransactionManager(unreachable)), Duration.ofSeconds(5));
    // when
    MediaFailure failure = catchThrowableOfType(MediaFailure.class, () -> receipts.find("RC-000001", "wa:51987654321"));
    // then
    assertThat(failure).isInstanceOf(TransientMediaFailure.class);
    assertThat(failure.getMessage()).startsWith("database unavailable: ");
    assertThat(failure.outcome()).isEqualTo(MediaOutcome.TRANSIENT_ERROR);
  }
}
