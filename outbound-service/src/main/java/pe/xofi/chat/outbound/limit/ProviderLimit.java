package pe.xofi.chat.outbound.limit;

import java.time.Duration;

/**
 * The send limits of one provider: {@code accountRate} messages per second for the whole account
 * (bursts of up to {@code accountBurst}), and per recipient a burst of {@code recipientBurst}
 * refilled at one message every {@code recipientRefill}.
 */
public record ProviderLimit(int accountRate, int accountBurst, int recipientBurst, Duration recipientRefill) {

  public ProviderLimit {
    if (accountRate < 1 || accountBurst < 1 || recipientBurst < 1) {
      throw new IllegalArgumentException("rates and bursts of xofi.outbound.limits must be at least 1");
    }
    if (recipientRefill == null || recipientRefill.isNegative() || recipientRefill.isZero()) {
      throw new IllegalArgumentException("xofi.outbound.limits.*.recipient-refill must be positive");
    }
  }
}
