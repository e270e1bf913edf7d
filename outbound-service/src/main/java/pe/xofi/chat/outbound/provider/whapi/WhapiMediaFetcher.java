package pe.xofi.chat.outbound.provider.whapi;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import pe.xofi.chat.outbound.media.BoundedDownload;
import pe.xofi.chat.outbound.media.FetchedMedia;
import pe.xofi.chat.outbound.media.MediaFailure;
import pe.xofi.chat.outbound.media.MediaFetcher;
import pe.xofi.chat.outbound.media.MediaIdFormat;
import pe.xofi.chat.outbound.media.MediaSources;
import pe.xofi.chat.outbound.media.TransientMediaFailure;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.media.MediaDownload;

/**
 * Downloads a member's file with WHAPI's {@code GET {base}/media/{MediaID}} and the bearer token, or
 * from the Auto Download {@code link} when the webhook carried one on WHAPI's media hosts (without
 * the token). A link anywhere else is ignored, never requested: the file is asked of WHAPI by its id,
 * which must be in WHAPI's format first.
 */
public class WhapiMediaFetcher implements MediaFetcher {

  /** WHAPI media ids, e.g. {@code jpeg-5ea3140acb2eb0b2502d-924f01ab9ddbf2841f35-0349d6a89c}. */
  static final MediaIdFormat MEDIA_ID =
      new MediaIdFormat("WHAPI", "media id", Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,255}"));

  private static final Logger log = LoggerFactory.getLogger(WhapiMediaFetcher.class);

  private final WebClient web;
  private final MediaSources sources;
  private final String token;
  private final Duration timeout;

  /** {@code web} carries no base URL and no token: links may point to WHAPI's media hosts. */
  public WhapiMediaFetcher(WebClient web, MediaSources sources, String token, Duration timeout) {
    this.web = web;
    this.sources = sources;
    this.token = token;
    this.timeout = timeout;
  }

  @Override
  public Provider provider() {
    return Provider.WHAPI;
  }

  @Override
  public FetchedMedia fetch(MediaDownload download, int maxBytes) {
    URI source = sourceOf(download);
    boolean toApi = sources.isApi(source);
    return web.get()
        .uri(source)
        .headers(h -> {
          if (toApi && token != null && !token.isBlank()) {
            h.setBearerAuth(token);
          }
        })
        .exchangeToMono(response -> BoundedDownload.read(response, "WHAPI", download.mimeType(), maxBytes))
        .timeout(timeout)
        .onErrorMap(TimeoutException.class, e -> new TransientMediaFailure("WHAPI did not answer within " + timeout, e))
        .onErrorMap(e -> !(e instanceof MediaFailure), sources::unreachable)
        .block();
  }

  /** The Auto Download link when it is on WHAPI's media hosts, else {@code {base}/media/{MediaID}}. */
  URI sourceOf(MediaDownload download) {
    if (download.link() != null && !download.link().isBlank()) {
      try {
        return sources.require(download.link());
      } catch (MediaFailure refused) {
        // a forged webhook, or WHAPI moved its files: WHAPI itself still has the file by its id
        log.warn("ignored the media link of receipt {}: {}", download.receiptId(), refused.getMessage());
      }
    }
    String id = MEDIA_ID.require(download.mediaId());
    return sources.require(UriComponentsBuilder.fromUri(sources.api()).pathSegment("media", "{id}")
        .encode().buildAndExpand(id).toUri());
  }
}
