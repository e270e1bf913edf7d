package pe.xofi.chat.outbound.media;

import java.time.Duration;
import java.util.List;
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
 * @param hosts           each provider's media hosts besides its API origin
 */
@ConfigurationProperties("xofi.outbound.media")
public record MediaProperties(
    String groupId, DataSize maxSize, Duration timeout, Duration databaseTimeout, Retry retry, Hosts hosts) {

  public MediaProperties {
    if (maxSize.toBytes() < 1 || maxSize.toBytes() > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("xofi.outbound.media.max-size must be between 1B and 2047MB");
    }
    if (hosts == null) {
      hosts = new Hosts(List.of(), List.of(), List.of());
    }
  }


  /** {@link #maxSize()} in bytes. */
  public int maxBytes() {
    return (int) maxSize.toBytes();
  }

  /**
   * The media allow-lists, entries {@code host[:port][/path-prefix]} or {@code *.domain} ({@link
   * MediaHost}); a download goes to the provider's API origin or to one of these, nowhere else.
   *
   * @param whapi    Auto Download {@code link} hosts ({@code WHAPI_MEDIA_HOSTS})
   * @param meta     the hosts of the {@code url} of Meta's media metadata ({@code META_MEDIA_HOSTS})
   * @param telegram Telegram file hosts ({@code TELEGRAM_MEDIA_HOSTS}); files come from the API origin
   */
  public record Hosts(List<String> whapi, List<String> meta, List<String> telegram) {

    public Hosts {
      whapi = whapi == null ? List.of() : List.copyOf(whapi);
      meta = meta == null ? List.of() : List.copyOf(meta);
      telegram = telegram == null ? List.of() : List.copyOf(telegram);
    }

    /** {@code entries} read as {@link MediaHost}s, blanks skipped. */
    public static List<MediaHost> parse(List<String> entries) {
      return entries.stream().filter(entry -> !entry.isBlank()).map(MediaHost::parse).toList();
    }
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
