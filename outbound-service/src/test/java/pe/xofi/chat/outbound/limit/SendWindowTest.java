package pe.xofi.chat.outbound.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

class SendWindowTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

  private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

  @Test
  void shouldGiveTheNextPermitOnlyOneWindowAfterAHeldSendEnded() throws InterruptedException {
    // given three sends in flight on a window of three
    SendWindow window = new SendWindow(3, SECOND, time);
    List<SendPermit> held = takeAll(window, 3);
    // when the first exchange ends 200 ms later
    time.advanceTimeBy(Duration.ofMillis(200));
    held.getFirst().close();
    boolean beforeTheWindow = window.tryAcquire(Duration.ZERO).isPresent();
    time.advanceTimeBy(Duration.ofMillis(999));
    boolean oneMilliBefore = window.tryAcquire(Duration.ZERO).isPresent();
    time.advanceTimeBy(Duration.ofMillis(1));
    Optional<SendPermit> atTheWindow = window.tryAcquire(Duration.ZERO);
    // then
    assertThat(List.of(beforeTheWindow, oneMilliBefore, atTheWindow.isPresent())).containsExactly(false, false, true);
    assertThat(window.held()).isEqualTo(3);
  }

  @Test
  void shouldReturnThePermitOfASendThatThrew() throws InterruptedException {
    // given
    SendWindow window = new SendWindow(1, SECOND, time);
    // when the send fails inside the try-with-resources the listener uses
    assertThatThrownBy(() -> {
      try (SendPermit permit = window.tryAcquire(Duration.ZERO).orElseThrow()) {
        throw new IllegalStateException("WHAPI answered 500");
      }
    }).hasMessage("WHAPI answered 500");
    // then the permit is held for the window, then back
    assertThat(window.tryAcquire(Duration.ZERO)).isEmpty();
    time.advanceTimeBy(SECOND);
    assertThat(window.held()).isZero();
    assertThat(window.tryAcquire(Duration.ZERO)).isPresent();
  }

  @Test
  void shouldReturnAPermitOnceHoweverOftenItIsClosed() throws InterruptedException {
    // given
    SendWindow window = new SendWindow(2, SECOND, time);
    SendPermit permit = window.tryAcquire(Duration.ZERO).orElseThrow();
    // when
    permit.close();
    permit.close();
    permit.cancel();
    time.advanceTimeBy(SECOND);
    // then the window still has two permits, not three
    assertThat(takeAll(window, 3)).hasSize(2);
  }

  @Test
  void shouldReturnACancelledPermitAtOnce() throws InterruptedException {
    // given
    SendWindow window = new SendWindow(1, SECOND, time);
    SendPermit permit = window.tryAcquire(Duration.ZERO).orElseThrow();
    // when nothing was sent with it
    permit.cancel();
    // then
    assertThat(window.tryAcquire(Duration.ZERO)).isPresent();
  }

  @Test
  void shouldShrinkAsHeldPermitsComeBackAndGrowAtOnce() throws InterruptedException {
    // given four of a window of four in use
    SendWindow window = new SendWindow(4, SECOND, time);
    List<SendPermit> held = takeAll(window, 4);
    // when the share halves, and all four sends end
    window.resize(2);
    held.forEach(SendPermit::close);
    time.advanceTimeBy(SECOND);
    List<SendPermit> afterShrinking = takeAll(window, 4);
    window.resize(3);
    List<SendPermit> afterGrowing = takeAll(window, 4);
    // then
    assertThat(List.of(afterShrinking.size(), afterGrowing.size(), window.held(), window.size()))
        .containsExactly(2, 1, 3, 3);
  }

  @Test
  void shouldLetAWaitingThreadInWhenAPermitComesBack() throws Exception {
    // given
    SendWindow window = new SendWindow(1, Duration.ofMillis(50), Schedulers.single());
    window.tryAcquire(Duration.ZERO).orElseThrow().close();
    // when a thread waits in place for up to a second
    long start = System.nanoTime();
    Optional<SendPermit> permit = window.tryAcquire(SECOND);
    Duration waited = Duration.ofNanos(System.nanoTime() - start);
    // then it got the permit when it came back, 50 ms after the send ended
    assertThat(permit).isPresent();
    assertThat(waited).isBetween(Duration.ofMillis(40), Duration.ofMillis(900));
  }

  private static List<SendPermit> takeAll(SendWindow window, int atMost) throws InterruptedException {
    List<SendPermit> taken = new ArrayList<>();
    for (int i = 0; i < atMost; i++) {
      window.tryAcquire(Duration.ZERO).ifPresent(taken::add);
    }
    return taken;
  }
}
