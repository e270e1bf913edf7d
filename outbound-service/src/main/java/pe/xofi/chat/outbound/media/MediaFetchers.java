package pe.xofi.chat.outbound.media;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import pe.xofi.chat.schemas.inbound.Provider;

/** Picks the fetcher of a download's provider; a provider without one is refused. */
public class MediaFetchers {

  private final Map<Provider, MediaFetcher> byProvider = new EnumMap<>(Provider.class);

  public MediaFetchers(List<MediaFetcher> fetchers) {
    fetchers.forEach(fetcher -> byProvider.put(fetcher.provider(), fetcher));
  }

  public MediaFetcher forProvider(Provider provider) {
    MediaFetcher fetcher = provider == null ? null : byProvider.get(provider);
    if (fetcher == null) {
      throw new PermanentMediaFailure(MediaOutcome.REJECTED, "no media client for provider " + provider);
    }
    return fetcher;
  }
}
