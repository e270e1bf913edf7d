package pe.xofi.chat.outbound.media;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the media download stage.
 *
 * @param groupId         consumer group of the {@code media-downloads} listener
 * @param maxSize         files larger than this are refused (WHAPI's {@code 10MB} = 10 MiB default)
 * @param timeout         how long one download may take, connection included, before it counts as transient
 * @param databaseTimeout how long one database call may take before it counts as transient
 * @param retry           how transient failures are retried in the partition
 */
@ConfigurationProperties("xofi.outbound.media")
public record MediaProperties(
    String groupId, DataSize maxSize, Duration timeout, Duration databaseTimeout, Retry retry) {

  public MediaProperties {
    if (maxSize.toBytes() < 1 || maxSize.toBytes() > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("xofi.outbound.media.max-size must be between 1B and 2047MB");
    }
  }

  /** {@link #maxSize()} in bytes. */
  public int maxBytes() {
    return (int) maxSize.toBytes();
  }

  /**
   * At most {@code maxAttempts} attempts, waiting {@code initialInterval} times {@code multiplier} to
   * the power of the retry number, capped at {@code maxInterval}.
   */
  public record Retry(int maxAttempts, Duration initialInterval, double multiplier, Duration maxInterval) {

    public Retry {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("xofi.outbound.media.retry.max-attempts must be at least 1");
      }
    }
  }
}
