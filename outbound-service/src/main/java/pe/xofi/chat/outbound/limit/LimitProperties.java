package pe.xofi.chat.outbound.limit;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import pe.xofi.chat.schemas.inbound.Provider;

/**
 * The send limits per provider ({@code xofi.outbound.limits.providers.whapi.account-rate=20}, ...).
 * A provider without limits is sent to as fast as the consumer goes.
 *
 * @param providers        the limits of each provider
 * @param maxBlockingWait  the longest a consumer thread waits in place for an account's window permit
 *                         and token together (a short wait that every partition shares anyway);
 *                         longer waits pause the partition
 * @param shareByPartition whether an instance gets the account rate in proportion to the partitions of
 *                         {@code outbound-messages} it is assigned, so that instances together keep
 *                         to the provider's limit
 */
@ConfigurationProperties("xofi.outbound.limits")
public record LimitProperties(
    Map<Provider, ProviderLimit> providers, Duration maxBlockingWait, boolean shareByPartition) {

  public LimitProperties {
    providers = providers == null ? Map.of() : Map.copyOf(providers);
    maxBlockingWait = maxBlockingWait == null ? Duration.ofSeconds(1) : maxBlockingWait;
  }
}
