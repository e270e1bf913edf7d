package pe.xofi.chat.outbound.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import pe.xofi.chat.outbound.support.Arrivals;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The window's guarantee under any jitter, on virtual time: consumer threads send as fast as the
 * window lets them, each request reaches the provider after a random delay and its exchange ends
 * (answered, refused, unreachable, slow as a timeout) after another; the provider never sees more
 * than the window's permits in any half-open second, and every permit comes back.
 */
class SendWindowBoundTest {

  private static final Duration WINDOW = Duration.ofSeconds(1);

  /** How often a consumer thread without a permit looks again (it blocks on the semaphore in production). */
  private static final Duration RETRY = Duration.ofMillis(3);

  enum Outcome { ANSWERED, REFUSED, UNREACHABLE }

  /**
   * One send: {@code toProvider} until the request reaches the provider (it never does when
   * unreachable), {@code back} more until the exchange is over.
   */
  record Exchange(Duration toProvider, Duration back, Outcome outcome) {}

  @Property(tries = 300)
  void shouldNeverLetMoreThanItsPermitsReachTheProviderInAnyWindow(
      @ForAll @IntRange(min = 1, max = 25) int permits,
      @ForAll @IntRange(min = 1, max = 16) int threads,
      @ForAll("exchanges") @Size(min = 1, max = 120) List<Exchange> exchanges) {
    // given
    VirtualTimeScheduler time = VirtualTimeScheduler.create();
    SendWindow window = new SendWindow(permits, WINDOW, time);
    Deque<Exchange> waiting = new ArrayDeque<>(exchanges);
    List<Long> arrivals = new ArrayList<>();
    // when
    for (int t = 0; t < threads; t++) {
      time.schedule(new ConsumerThread(time, window, waiting, arrivals));
    }
    time.advanceTimeBy(Duration.ofHours(1));
    // then
    long reachable = exchanges.stream().filter(e -> e.outcome() != Outcome.UNREACHABLE).count();
    assertThat(arrivals).hasSize((int) reachable);
    assertThat(Arrivals.of(arrivals).maxInAnyWindow(WINDOW.toNanos())).isLessThanOrEqualTo(permits);
    assertThat(window.held()).isZero();
  }

  @Provide
  Arbitrary<List<Exchange>> exchanges() {
    Arbitrary<Duration> toProvider = Arbitraries.longs().between(0, 400_000).map(us -> Duration.ofNanos(us * 1000));
    // mostly a fast answer, sometimes one as slow as a timeout
    Arbitrary<Duration> back = Arbitraries.frequencyOf(
        Tuple.of(9, Arbitraries.longs().between(0, 300_000).map(us -> Duration.ofNanos(us * 1000))),
        Tuple.of(1, Arbitraries.longs().between(1_000, 3_000).map(Duration::ofMillis)));
    Arbitrary<Outcome> outcome = Arbitraries.frequency(
        Tuple.of(6, Outcome.ANSWERED), Tuple.of(2, Outcome.REFUSED),
        Tuple.of(1, Outcome.UNREACHABLE));
    return Combinators.combine(toProvider, back, outcome).as(Exchange::new).list();
  }

  /** A consumer thread's loop: take a permit, send the next reply with it, close it when the exchange ends. */
  private record ConsumerThread(VirtualTimeScheduler time, SendWindow window, Deque<Exchange> waiting,
      List<Long> arrivals) implements Runnable {

    @Override
    public void run() {
      if (waiting.isEmpty()) {
        return;
      }
      SendPermit permit;
      try {
        permit = window.tryAcquire(Duration.ZERO).orElse(null);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      if (permit == null) {
        time.schedule(this, RETRY.toNanos(), TimeUnit.NANOSECONDS);
        return;
      }
      Exchange exchange = waiting.poll();
      time.schedule(() -> {
        if (exchange.outcome() != Outcome.UNREACHABLE) {
          arrivals.add(time.now(TimeUnit.NANOSECONDS));
        }
        time.schedule(() -> end(permit, exchange), exchange.back().toNanos(), TimeUnit.NANOSECONDS);
      }, exchange.toProvider().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void end(SendPermit permit, Exchange exchange) {
      try (permit) {
        if (exchange.outcome() != Outcome.ANSWERED) {
          throw new IllegalStateException("send failed: " + exchange.outcome());
        }
      } catch (IllegalStateException failed) {
        // the listener turns it into a retry or a dead letter; the permit is back either way
      }
      run();
    }
  }
}
