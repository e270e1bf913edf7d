package pe.xofi.chat.conversation.member.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import pe.xofi.chat.conversation.member.MemberDataUnavailableException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class BlockingDatabaseTest {

  private static final Duration TIMEOUT = Duration.ofMillis(200);

  // never connects: the calls below are handed their publishers
  private final BlockingDatabase database =
      new BlockingDatabase(DatabaseClient.create(ConnectionFactories.get("r2dbc:postgresql://postgres@127.0.0.1:1/none")), TIMEOUT);

  @Test
  void shouldReturnWhatTheQueryGives() {
    // given
    Mono<String> one = Mono.just("TK-000001");
    Flux<Integer> all = Flux.just(1, 2, 3);

    // when
    Optional<String> single = database.one("one", one);
    List<Integer> many = database.all("all", all);

    // then
    assertThat(List.of(single, many)).isEqualTo(List.of(Optional.of("TK-000001"), List.of(1, 2, 3)));
  }

  @Test
  void shouldGiveUpAfterTheTimeout() {
    // given
    Mono<String> never = Mono.never();

    // when
    long started = System.nanoTime();
    Throwable thrown = catchThrowable(() -> database.one("find partner by id", never));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    // then
    assertThat(thrown)
        .isInstanceOf(MemberDataUnavailableException.class)
        .hasMessage("member database unavailable: find partner by id");
    assertThat(took).isLessThan(TIMEOUT.plusSeconds(1));
  }

  @Test
  void shouldTurnDriverAndSpringDataErrorsIntoUnavailability() {
    // given
    Flux<String> driverError = Flux.error(new R2dbcNonTransientResourceException("connection refused"));
    Mono<String> springError = Mono.error(new DataAccessResourceFailureException("Failed to obtain R2DBC Connection"));

    // when
    List<Throwable> thrown =
        List.of(
            catchThrowable(() -> database.all("list loans of partner", driverError)),
            catchThrowable(() -> database.one("open support ticket", springError)));

    // then
    assertThat(thrown.stream().map(e -> e.getClass().getSimpleName() + ": " + e.getMessage()).toList())
        .isEqualTo(
            List.of(
                "MemberDataUnavailableException: member database unavailable: list loans of partner",
                "MemberDataUnavailableException: member database unavailable: open support ticket"));
  }

  @Test
  void shouldLetAProgrammingErrorThrough() {
    // given
    Mono<String> bug = Mono.error(new IllegalArgumentException("No enum constant LoanStatus.ARCHIVED"));

    // when
    Throwable thrown = catchThrowable(() -> database.one("list loans of partner", bug));

    // then
    assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessage("No enum constant LoanStatus.ARCHIVED");
  }

  @Test
  void shouldLetAValueTheDatabaseRefusesThroughInsteadOfRetryingItForEver() {
    // given: numeric overflow (22003) as the driver and as Spring report it, and a check violation (23514)
    Mono<String> overflow =
        Mono.error(new R2dbcDataIntegrityViolationException("numeric field overflow", "22003"));
    Mono<String> wrapped =
        Mono.error(new DataIntegrityViolationException("insert", new R2dbcBadGrammarException("bad", "22021")));
    Mono<String> check = Mono.error(new R2dbcDataIntegrityViolationException("check", "23514"));

    // when
    List<Throwable> thrown =
        List.of(
            catchThrowable(() -> database.one("register payment receipt", overflow)),
            catchThrowable(() -> database.one("open support ticket", wrapped)),
            catchThrowable(() -> database.one("register payment receipt", check)));

    // then
    assertThat(thrown).noneMatch(MemberDataUnavailableException.class::isInstance);
    assertThat(thrown.stream().map(e -> e.getClass().getSimpleName()).toList())
        .isEqualTo(List.of(
            "R2dbcDataIntegrityViolationException", "DataIntegrityViolationException",
            "R2dbcDataIntegrityViolationException"));
  }
}
