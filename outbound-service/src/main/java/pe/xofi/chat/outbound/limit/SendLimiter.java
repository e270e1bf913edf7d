package pe.xofi.chat.outbound.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import pe.xofi.chat.schemas.inbound.Provider;
import reactor.core.scheduler.Scheduler;

/**
 * A reply is sent when it gets, in this order, a token of its recipient's bucket, a token of its
 * provider account's bucket (Bucket4j) and a permit of the account's {@link SendWindow}. The account
 * bucket spaces the sends at its rate; the window bounds what the provider can count in any window
 * however the round trips jitter. Both are this instance's share of the provider's limit.
 */
public class SendLimiter {

  private final LimitProperties properties;
  private final LimitMetrics metrics;
  private final Map<Provider, Bucket> accounts = new EnumMap<>(Provider.class);
  private final Map<Provider, SendWindow> windows = new EnumMap<>(Provider.class);
  private final Cache<String, Bucket> recipients;
  private volatile double share = 1.0;

  /** {@code scheduler} returns the window permits one window after each send. */
  public SendLimiter(LimitProperties properties, LimitMetrics metrics, Scheduler scheduler) {
    this.properties = properties;
    this.metrics = metrics;
    properties.providers().forEach((provider, limit) -> {
      accounts.put(provider, Bucket.builder().withNanosecondPrecision().addLimit(accountBandwidth(limit, 1.0)).build());
      int permits = limit.windowPermits(1.0);
      if (permits > 0) {
        SendWindow window = new SendWindow(permits, limit.accountWindow(), scheduler);
        windows.put(provider, window);
        metrics.window(provider, window);
      }
    });
    // an idle recipient's bucket is full again after burst × refill, so forgetting it then loses nothing
    Duration longestRefill = properties.providers().values().stream()
        .map(limit -> limit.recipientRefill().multipliedBy(limit.recipientBurst()))
        .max(Duration::compareTo)
        .orElse(Duration.ofMinutes(1));
    recipients = Caffeine.newBuilder().expireAfterAccess(longestRefill).build();
  }

  /**
   * Takes a token of {@code recipient}, then a token of {@code provider}'s account and a permit of
   * its window, waiting in place for these two at most {@code max-blocking-wait} in all. A {@link
   * SendPermit} when all were taken (close it when the send's exchange is over), else how long to
   * wait; a wait gives back what was taken.
   */
  public Admission acquire(Provider provider, String recipient) {
    ProviderLimit limit = provider == null ? null : properties.providers().get(provider);
    if (limit == null) {
      return SendPermit.UNWINDOWED;
    }
    Bucket perRecipient = recipients.get(provider + ":" + recipient, key -> recipientBucket(limit));
    ConsumptionProbe probe = perRecipient.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
      metrics.waited(TokenWait.Scope.RECIPIENT, wait);
      return new TokenWait(TokenWait.Scope.RECIPIENT, wait);
    }
    Bucket account = accounts.get(provider);
    SendWindow window = windows.get(provider);
    Duration maxWait = properties.maxBlockingWait();
    long start = System.nanoTime();
    boolean accountToken = false;
    try {
      accountToken = maxWait.isZero() ? account.tryConsume(1) : account.asBlocking().tryConsume(1, maxWait);
      long tokenAt = System.nanoTime();
      if (!accountToken) {
        // the reply is not sent now, so its recipient token goes back
        perRecipient.addTokens(1);
        Duration wait = max(maxWait, Duration.ofNanos(account.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
        metrics.waited(TokenWait.Scope.ACCOUNT, wait);
        return new TokenWait(TokenWait.Scope.ACCOUNT, wait);
      }
      metrics.waited(TokenWait.Scope.ACCOUNT, Duration.ofNanos(tokenAt - start));
      if (window == null) {
        return SendPermit.UNWINDOWED;
      }
      // the token first: a permit that comes back is used at once, so the account bucket's spacing
      // never adds to the time between a send and the one that reuses its permit
      Optional<SendPermit> permit = window.tryAcquire(maxWait.minusNanos(tokenAt - start));
      if (permit.isPresent()) {
        metrics.waited(TokenWait.Scope.WINDOW, Duration.ofNanos(System.nanoTime() - tokenAt));
        return permit.get();
      }
      account.addTokens(1);
      perRecipient.addTokens(1);
      Duration wait = max(maxWait, window.spacing());
      metrics.waited(TokenWait.Scope.WINDOW, wait);
      return new TokenWait(TokenWait.Scope.WINDOW, wait);
    } catch (InterruptedException e) {
      // the consumer is stopping: nothing is sent, and what was taken goes back
      Thread.currentThread().interrupt();
      if (accountToken) {
        account.addTokens(1);
      }
      perRecipient.addTokens(1);
      return new TokenWait(TokenWait.Scope.ACCOUNT, maxWait);
    }
  }

  /**
   * Sets this instance's share of every account's rate, e.g. 6/12 when it is assigned 6 of 12
   * partitions: tokens already in the buckets are kept in proportion, and each window gets the share
   * of its permits (fewer take effect as held ones come back).
   */
  public void share(double fraction) {
    if (fraction <= 0 || fraction > 1 || fraction == share) {
      return;
    }
    share = fraction;
    properties.providers().forEach((provider, limit) -> {
      accounts.get(provider).replaceConfiguration(
          BucketConfiguration.builder().addLimit(accountBandwidth(limit, fraction)).build(),
          TokensInheritanceStrategy.PROPORTIONALLY);
      SendWindow window = windows.get(provider);
      if (window != null) {
        window.resize(limit.windowPermits(fraction));
      }
    });
  }

  /** This instance's share of the account rates. */
  public double share() {
    return share;
  }

  /** The rate, times {@code fraction}, refilled smoothly; the burst scaled too, at least one token. */
  private static Bandwidth accountBandwidth(ProviderLimit limit, double fraction) {
    long capacity = Math.max(1, Math.round(limit.accountBurst() * fraction));
    Duration period = Duration.ofNanos(Math.round(Duration.ofSeconds(1).toNanos() / fraction));
    return Bandwidth.builder().capacity(capacity).refillGreedy(limit.accountRate(), period)
        .initialTokens(capacity).build();
  }

  private static Bucket recipientBucket(ProviderLimit limit) {
    return Bucket.builder().addLimit(Bandwidth.builder().capacity(limit.recipientBurst())
        .refillGreedy(1, limit.recipientRefill()).build()).build();
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
