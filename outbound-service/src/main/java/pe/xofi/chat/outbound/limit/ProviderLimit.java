package pe.xofi.chat.outbound.limit;

import java.time.Duration;

/**
 * The send limits of one provider: {@code accountRate} messages per second for the whole account
 * (bursts of up to {@code accountBurst}), never more than {@code accountRate} × {@code accountWindow}
 * sends reaching the provider in any {@code accountWindow}, and per recipient a burst of {@code
 * recipientBurst} refilled at one message every {@code recipientRefill}.
 *
 * @param accountWindow how long after its HTTP exchange ends a send still counts against the account
 *                      ({@link SendWindow}); 1 s when not set, zero turns the window off
 */
public record ProviderLimit(
    int accountRate, int accountBurst, Duration accountWindow, int recipientBurst, Duration recipientRefill) {

  public ProviderLimit {
    if (accountRate < 1 || accountBurst < 1 || recipientBurst < 1) {
      throw new IllegalArgumentException("rates and bursts of xofi.outbound.limits must be at least 1");
    }
    accountWindow = accountWindow == null ? Duration.ofSeconds(1) : accountWindow;
    if (accountWindow.isNegative()) {
      throw new IllegalArgumentException("xofi.outbound.limits.*.account-window must not be negative");
    }
    if (recipientRefill == null || recipientRefill.isNegative() || recipientRefill.isZero()) {
      throw new IllegalArgumentException("xofi.outbound.limits.*.recipient-refill must be positive");
    }
  }

  /**
   * The sends of the window that {@code fraction} of the account may have in flight or within their
   * window: the rate over one window, times the share, rounded down so that instances together stay
   * at the limit, and at least one; zero when the window is off.
   */
  int windowPermits(double fraction) {
    if (accountWindow.isZero()) {
      return 0;
    }
    double permits = accountRate * (accountWindow.toNanos() / 1e9) * fraction;
    // a share such as 7/12 makes 20 × 7/12 × 12 land a hair under the whole number it is
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE / 2, Math.floor(permits + 1e-9)));
  }
}
