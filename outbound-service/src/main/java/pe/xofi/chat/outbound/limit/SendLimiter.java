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

/**
 * Token buckets (Bucket4j) per provider account and per recipient. A reply takes one token of its
 * recipient and one of its provider's account; the account's rate is this instance's share of the
 * provider's limit.
 */
public class SendLimiter {

  private final LimitProperties properties;
  private final LimitMetrics metrics;
  private final Map<Provider, Bucket> accounts = new EnumMap<>(Provider.class);
  private final Cache<String, Bucket> recipients;
  private volatile double share = 1.0;

  public SendLimiter(LimitProperties properties, LimitMetrics metrics) {
    this.properties = properties;
    this.metrics = metrics;
    properties.providers().forEach((provider, limit) -> accounts.put(provider,
        Bucket.builder().withNanosecondPrecision().addLimit(accountBandwidth(limit, 1.0)).build()));
    // an idle recipient's bucket is full again after burst × refill, so forgetting it then loses nothing
    Duration longestRefill = properties.providers().values().stream()
        .map(limit -> limit.recipientRefill().multipliedBy(limit.recipientBurst()))
        .max(Duration::compareTo)
        .orElse(Duration.ofMinutes(1));
    recipients = Caffeine.newBuilder().expireAfterAccess(longestRefill).build();
  }

  /**
   * Takes a token of {@code recipient} and one of {@code provider}'s account, waiting in place for the
   * account at most {@code max-blocking-wait}; empty when both were taken, else how long to wait.
   */
  public Optional<TokenWait> acquire(Provider provider, String recipient) {
    ProviderLimit limit = provider == null ? null : properties.providers().get(provider);
    if (limit == null) {
      return Optional.empty();
    }
    Bucket perRecipient = recipients.get(provider + ":" + recipient, key -> recipientBucket(limit));
    ConsumptionProbe probe = perRecipient.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
      metrics.waited(TokenWait.Scope.RECIPIENT, wait);
      return Optional.of(new TokenWait(TokenWait.Scope.RECIPIENT, wait));
    }
    Bucket account = accounts.get(provider);
    long start = System.nanoTime();
    try {
      boolean taken = properties.maxBlockingWait().isZero()
          ? account.tryConsume(1)
          : account.asBlocking().tryConsume(1, properties.maxBlockingWait());
      if (taken) {
        metrics.waited(TokenWait.Scope.ACCOUNT, Duration.ofNanos(System.nanoTime() - start));
        return Optional.empty();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // the reply is not sent now, so its recipient token goes back
    perRecipient.addTokens(1);
    Duration wait = Duration.ofNanos(Math.max(account.estimateAbilityToConsume(1).getNanosToWaitForRefill(),
        properties.maxBlockingWait().toNanos()));
    metrics.waited(TokenWait.Scope.ACCOUNT, wait);
    return Optional.of(new TokenWait(TokenWait.Scope.ACCOUNT, wait));
  }

  /**
   * Sets this instance's share of every account's rate, e.g. 6/12 when it is assigned 6 of 12
   * partitions; tokens already in the buckets are kept in proportion.
   */
  public void share(double fraction) {
    if (fraction <= 0 || fraction > 1 || fraction == share) {
      return;
    }
    share = fraction;
    properties.providers().forEach((provider, limit) -> accounts.get(provider).replaceConfiguration(
        BucketConfiguration.builder().addLimit(accountBandwidth(limit, fraction)).build(),
        TokensInheritanceStrategy.PROPORTIONALLY));
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
}
