package pe.xofi.chat.conversation.member.postgres;

import io.r2dbc.spi.R2dbcException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.r2dbc.core.DatabaseClient;
import pe.xofi.chat.conversation.member.MemberDataUnavailableException;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The member database as the Kafka Streams thread uses it: every call blocks for at most the query
 * timeout, and a timeout, a lost connection or a database error becomes a {@link
 * MemberDataUnavailableException} naming the operation only (never the data); a value the database
 * refuses (data or integrity error) is not an outage and passes through.
 */
public final class BlockingDatabase {

  private final DatabaseClient client;
  private final Duration timeout;

  public BlockingDatabase(DatabaseClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  public DatabaseClient client() {
    return client;
  }

  /** The single result of {@code query}, if any. */
  public <T> Optional<T> one(String operation, Mono<T> query) {
    return call(operation, () -> query.timeout(timeout).blockOptional());
  }

  /** All the results of {@code query}, in its order. */
  public <T> List<T> all(String operation, Flux<T> query) {
    return call(operation, () -> query.collectList().timeout(timeout).block());
  }

  private static <T> T call(String operation, Supplier<T> blockingCall) {
    try {
      return blockingCall.get();
    } catch (RuntimeException e) {
      Throwable cause = Exceptions.unwrap(e);
      if (isUnavailability(cause)) {
        throw new MemberDataUnavailableException("member database unavailable: " + operation, cause);
      }
      // a bug in mapping code is not an outage: retrying it would block the partition for ever
      throw e;
    }
  }

  private static boolean isUnavailability(Throwable cause) {
    if (isRefusedData(cause)) {
      return false;
    }
    return cause instanceof TimeoutException
        || cause instanceof DataAccessException
        || cause instanceof R2dbcException
        || cause instanceof IOException;
  }

  /**
   * A value the database refuses (SQLSTATE class 22, data exception, e.g. a numeric overflow, or 23,
   * integrity violation) is refused on every attempt: it is not an outage, and retrying it would block
   * the partition for ever, so it passes through and the message is dead-lettered.
   */
  static boolean isRefusedData(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null
          && (r2dbc.getSqlState().startsWith("22") || r2dbc.getSqlState().startsWith("23"))) {
        return true;
      }
    }
    return false;
  }
}
