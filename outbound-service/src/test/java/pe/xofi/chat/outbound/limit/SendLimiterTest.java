package pe.xofi.chat.outbound.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.schemas.inbound.Provider;

class SendLimiterTest {

  private static SendLimiter limiter(ProviderLimit limit, Duration maxBlockingWait) {
    return new SendLimiter(new LimitProperties(Map.of(Provider.WHAPI, limit), maxBlockingWait, true),
        new LimitMetrics(new SimpleMeterRegistry()));
  }

  @Test
  void shouldMakeARecipientWaitForItsRefillOnceItsBurstIsSpent() {
    // given
    SendLimiter limiter = limiter(new ProviderLimit(1000, 1000, 2, Duration.ofSeconds(6)), Duration.ofSeconds(1));
    // when
    List<Optional<TokenWait>> waits = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      waits.add(limiter.acquire(Provider.WHAPI, "51987654321"));
    }
    Optional<TokenWait> otherMember = limiter.acquire(Provider.WHAPI, "51911112222");
    // then
    assertThat(waits.subList(0, 2)).containsExactly(Optional.empty(), Optional.empty());
    assertThat(waits.get(2)).hasValueSatisfying(wait -> {
      assertThat(wait.scope()).isEqualTo(TokenWait.Scope.RECIPIENT);
      assertThat(wait.delay()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(6));
    });
    assertThat(otherMember).isEmpty();
  }

  @Test
  void shouldPaceTheAccountToItsRateAfterTheBurst() {
    // given
    SendLimiter limiter = limiter(new ProviderLimit(50, 5, 1000, Duration.ofSeconds(1)), Duration.ofSeconds(1));
    // when
    long start = System.nanoTime();
    for (int i = 0; i < 30; i++) {
      assertThat(limiter.acquire(Provider.WHAPI, "519" + i)).isEmpty();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    // then 25 tokens beyond the burst of 5 take half a second at 50 per second
    assertThat(took).isBetween(Duration.ofMillis(450), Duration.ofMillis(800));
  }

  @Test
  void shouldGiveBackTheRecipientTokenWhenTheAccountHasNoneInTime() {
    // given
    SendLimiter limiter = limiter(new ProviderLimit(1, 1, 1, Duration.ofMinutes(1)), Duration.ZERO);
    limiter.acquire(Provider.WHAPI, "51900000000");
    // when
    Optional<TokenWait> wait = limiter.acquire(Provider.WHAPI, "51987654321");
    // then the recipient still has its token for when the account refills
    assertThat(wait).map(TokenWait::scope).hasValue(TokenWait.Scope.ACCOUNT);
    limiter.share(1.0 / 12);
    assertThat(limiter.share()).isEqualTo(1.0 / 12);
  }

  @Test
  void shouldNotLimitAProviderWithoutLimits() {
    // given
    SendLimiter limiter = limiter(new ProviderLimit(1, 1, 1, Duration.ofMinutes(1)), Duration.ZERO);
    // when
    Optional<TokenWait> first = limiter.acquire(Provider.TELEGRAM, "123");
    Optional<TokenWait> second = limiter.acquire(Provider.TELEGRAM, "123");
    // then
    assertThat(List.of(first, second)).containsExactly(Optional.empty(), Optional.empty());
  }
}
