package pe.xofi.chat.outbound.limit;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import reactor.core.scheduler.Scheduler;

/**
 * No {@code window} at the provider holds more than {@code size} of one account's sends: a send takes
 * a permit before it starts and gives it back only {@code window} after its HTTP exchange ended
 * (answered, failed or timed out), so the send that takes a permit next starts at least {@code window}
 * after the previous holder reached the provider, whatever the round trips' jitter.
 *
 * <p>A fair {@link Semaphore} holds the permits (threads waiting get them in turn); the delayed return
 * is a task on {@code scheduler}.
 */
final class SendWindow {

  private final Permits permits;
  private final Duration window;
  private final Scheduler scheduler;
  private int size;

  SendWindow(int size, Duration window, Scheduler scheduler) {
    if (size < 1 || window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("a send window needs at least one permit and a positive length");
    }
    this.permits = new Permits(size);
    this.window = window;
    this.scheduler = scheduler;
    this.size = size;
  }

  /** A permit, waiting for one at most {@code maxWait}; empty when none came back in time. */
  Optional<SendPermit> tryAcquire(Duration maxWait) throws InterruptedException {
    boolean taken = maxWait.isZero() || maxWait.isNegative()
        ? permits.tryAcquire()
        : permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    return taken ? Optional.of(new SendPermit(this)) : Optional.empty();
  }

  /**
   * Sets how many permits the window has, e.g. when a rebalance changes this instance's share. Fewer
   * permits take effect as held ones come back; none is taken from a send in flight.
   */
  synchronized void resize(int newSize) {
    if (newSize < 1) {
      throw new IllegalArgumentException("a send window needs at least one permit");
    }
    if (newSize > size) {
      permits.release(newSize - size);
    } else if (newSize < size) {
      permits.reducePermits(size - newSize);
    }
    size = newSize;
  }

  /** How many permits the window has. */
  synchronized int size() {
    return size;
  }

  /** Permits taken and not yet back: sends in flight or less than a window after they ended. */
  synchronized int held() {
    return size - permits.availablePermits();
  }

  /** The average time between two permits coming back when every permit is in use. */
  Duration spacing() {
    return window.dividedBy(Math.max(1, size()));
  }

  /** The exchange of a send is over: its permit comes back one window from now. */
  void returnAfterWindow() {
    try {
      scheduler.schedule(permits::release, window.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException stopping) {
      // the scheduler is disposed only when the service stops: no send follows this one
      permits.release();
    }
  }

  /** The permit was taken but nothing was sent: it comes back at once. */
  void returnNow() {
    permits.release();
  }

  /** A fair semaphore whose permits can be reduced below those handed out. */
  private static final class Permits extends Semaphore {

    Permits(int permits) {
      super(permits, true);
    }

    @Override
    protected void reducePermits(int reduction) {
      super.reducePermits(reduction);
    }
  }
}
