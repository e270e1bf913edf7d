package pe.xofi.chat.outbound.limit;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Leave to send one reply now. Close it once the provider's HTTP exchange is over, whatever its
 * outcome (a try-with-resources around the send): the account's {@link SendWindow} permit then comes
 * back one window later. Closing it again does nothing.
 */
public final class SendPermit implements Admission, AutoCloseable {

  /** The permit of a provider without a send window: closing it returns nothing. */
  static final SendPermit UNWINDOWED = new SendPermit(null);

  private final SendWindow window;
  private final AtomicBoolean returned = new AtomicBoolean();

  SendPermit(SendWindow window) {
    this.window = window;
  }

  /** The send's exchange ended (answered, failed, timed out or threw). */
  @Override
  public void close() {
    if (window != null && returned.compareAndSet(false, true)) {
      window.returnAfterWindow();
    }
  }

  /** Nothing was sent with this permit: it comes back at once. */
  void cancel() {
    if (window != null && returned.compareAndSet(false, true)) {
      window.returnNow();
    }
  }
}
