package pe.xofi.chat.outbound.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.schemas.inbound.Provider;
import reactor.test.scheduler.VirtualTimeScheduler;

class SendLimiterTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

  private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
  private final MeterRegistry registry = new SimpleMeterRegistry();

  private SendLimiter limiter(ProviderLimit limit, Duration maxBlockingWait) {
    return new SendLimiter(new LimitProperties(Map.of(Provider.WHAPI, limit), maxBlockingWait, true),
        new LimitMetrics(registry), time);
  }

  @Test
  void shouldMakeARecipientWaitForItsRefillOnceItsBurstIsSpent() {
    // given
    SendLimiter limiter = limiter(new ProviderLimit(1000, 1000, SECOND, 2, Duration.ofSeconds(6)), SECOND);
    // when
    List<Admission> admissions = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      admissions.add(limiter.acquire(Provider.WHAPI, "51987654321"));
    }
    Admission otherMember = limiter.acquire(Provider.WHAPI, "51911112222");
    // then
    assertThat(admissions.subList(0, 2)).allSatisfy(a -> assertThat(a).isInstanceOf(SendPermit.class));
    assertThat(admissions.get(2)).isInstanceOfSatisfying(TokenWait.class, wait -> {
      assertThat(wait.scope()).isEqualTo(TokenWait.Scope.RECIPIENT);
      assertThat(wait.delay()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(6));
    });
    assertThat(otherMember).isInstanceOf(SendPermit.class);
  }

  @Test
  void shouldPaceTheAccountToItsRateAfterTheBurst() {
    // given
    SendLimiter limiter = limiter(new ProviderLimit(50, 5, SECOND, 1000, SECOND), SECOND);
    // when
    long start = System.nanoTime();
    for (int i = 0; i < 30; i++) {
      assertThat(limiter.acquire(Provider.WHAPI, "519" + i)).isInstanceOf(SendPermit.class);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    // then 25 tokens beyond the burst of 5 take half a second at 50 per second
    assertThat(took).isBetween(Duration.ofMillis(450), Duration.ofMillis(800));
  }

  @Test
  void shouldGiveBackTheRecipientTokenWhenTheAccountHasNoTokenInTime() {
    // given a window of two and an account bucket of one token a minute
    SendLimiter limiter = limiter(new ProviderLimit(1, 1, Duration.ofSeconds(2), 1, Duration.ofMinutes(1)), Duration.ZERO);
    limiter.acquire(Provider.WHAPI, "51900000000");
    // when
    Admission refused = limiter.acquire(Provider.WHAPI, "51987654321");
    // then the recipient still has its token for when the account refills, and no window permit was taken
    assertThat(refused).isInstanceOfSatisfying(TokenWait.class,
        wait -> assertThat(wait.scope()).isEqualTo(TokenWait.Scope.ACCOUNT));
    assertThat(gauge(LimitMetrics.WINDOW_HELD)).isEqualTo(1);
    limiter.share(1.0 / 12);
    assertThat(limiter.share()).isEqualTo(1.0 / 12);
  }

  @Test
  void shouldMakeTheReplyWaitForTheWindowWhileEveryPermitIsHeld() {
    // given a window of four, whose sends are all in flight, and account tokens to spare
    SendLimiter limiter = limiter(new ProviderLimit(4, 100, SECOND, 20, SECOND), Duration.ZERO);
    for (int i = 0; i < 4; i++) {
      assertThat(limiter.acquire(Provider.WHAPI, "519" + i)).isInstanceOf(SendPermit.class);
    }
    // when
    Admission fifth = limiter.acquire(Provider.WHAPI, "51987654321");
    // then it waits a quarter of the window and gives its tokens back: 100 more (more than
    // either bucket holds) get only the window's wait
    assertThat(fifth).isEqualTo(new TokenWait(TokenWait.Scope.WINDOW, Duration.ofMillis(250)));
    for (int i = 0; i < 100; i++) {
      assertThat(limiter.acquire(Provider.WHAPI, "51987654321"))
          .isEqualTo(new TokenWait(TokenWait.Scope.WINDOW, Duration.ofMillis(250)));
    }
  }

  @Test
  void shouldHoldThePermitOfAFailedSendForOneWindowAfterItFailed() {
    // given a window of two 2-ms permits, an account bucket that never runs dry
    SendLimiter limiter = limiter(new ProviderLimit(1000, 1000, Duration.ofMillis(2), 1000, SECOND), Duration.ZERO);
    SendPermit failed = (SendPermit) limiter.acquire(Provider.WHAPI, "51911111111");
    SendPermit inFlight = (SendPermit) limiter.acquire(Provider.WHAPI, "51922222222");
    // when the first send throws
    try (failed) {
      throw new IllegalStateException("WHAPI did not answer within 10s");
    } catch (IllegalStateException expected) {
      // the listener's retry path
    }
    Admission duringTheWindow = limiter.acquire(Provider.WHAPI, "51933333333");
    time.advanceTimeBy(Duration.ofMillis(2));
    Admission afterTheWindow = limiter.acquire(Provider.WHAPI, "51933333333");
    // then
    assertThat(duringTheWindow).isInstanceOfSatisfying(TokenWait.class,
        wait -> assertThat(wait.scope()).isEqualTo(TokenWait.Scope.WINDOW));
    assertThat(afterTheWindow).isInstanceOf(SendPermit.class);
    inFlight.close();
  }

  @Test
  void shouldLeakNoPermitWhateverTheSendsOutcomes() {
    // given
    SendLimiter limiter = limiter(new ProviderLimit(1000, 1000, SECOND, 1000, SECOND), Duration.ZERO);
    // when 300 sends end as answered, refused or thrown, some closed twice
    for (int i = 0; i < 300; i++) {
      SendPermit permit = (SendPermit) limiter.acquire(Provider.WHAPI, "519" + i);
      try (permit) {
        if (i % 3 == 1) {
          throw new IllegalStateException("WHAPI answered 500");
        }
        if (i % 3 == 2) {
          permit.close();
        }
      } catch (IllegalStateException expected) {
        // retried later by the listener
      }
    }
    double heldDuringTheWindow = gauge(LimitMetrics.WINDOW_HELD);
    time.advanceTimeBy(SECOND);
    // then
    assertThat(List.of(heldDuringTheWindow, gauge(LimitMetrics.WINDOW_HELD), gauge(LimitMetrics.WINDOW_PERMITS)))
        .containsExactly(300.0, 0.0, 1000.0);
  }

  @Test
  void shouldScaleTheWindowToThisInstancesShareRoundingDown() {
    // given
    SendLimiter limiter = limiter(new ProviderLimit(20, 1, SECOND, 20, SECOND), SECOND);
    // when
    List<Double> permits = new ArrayList<>();
    for (double share : new double[] {0.5, 1.0 / 3, 7.0 / 12, 1.0 / 24, 1.0}) {
      limiter.share(share);
      permits.add(gauge(LimitMetrics.WINDOW_PERMITS));
    }
    // then rounded down, so that instances together stay within 20 (three get 6 each), one at least
    assertThat(permits).containsExactly(10.0, 6.0, 11.0, 1.0, 20.0);
  }

  @Test
  void shouldNotLimitAProviderWithoutLimits() {
    // given
    SendLimiter limiter = limiter(new ProviderLimit(1, 1, SECOND, 1, Duration.ofMinutes(1)), Duration.ZERO);
    // when
    Admission first = limiter.acquire(Provider.TELEGRAM, "123");
    Admission second = limiter.acquire(Provider.TELEGRAM, "123");
    // then
    assertThat(List.of(first, second)).containsExactly(SendPermit.UNWINDOWED, SendPermit.UNWINDOWED);
  }

  @Test
  void shouldSendWithoutAWindowWhenItIsTurnedOff() {
    // given
    SendLimiter limiter = limiter(new ProviderLimit(1000, 1000, Duration.ZERO, 1000, SECOND), Duration.ZERO);
    // when
    Admission admission = limiter.acquire(Provider.WHAPI, "51987654321");
    // then
    assertThat(admission).isSameAs(SendPermit.UNWINDOWED);
    assertThat(registry.find(LimitMetrics.WINDOW_PERMITS).gauge()).isNull();
  }

  private double gauge(String name) {
    return registry.get(name).tag("provider", "whapi").gauge().value();
  }
}
