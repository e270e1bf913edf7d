package pe.xofi.chat.outbound.provider.meta;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import pe.xofi.chat.outbound.media.BoundedDownload;
import pe.xofi.chat.outbound.media.FetchedMedia;
import pe.xofi.chat.outbound.media.MediaFailure;
import pe.xofi.chat.outbound.media.MediaFetcher;
import pe.xofi.chat.outbound.media.MediaIdFormat;
import pe.xofi.chat.outbound.media.MediaOutcome;
import pe.xofi.chat.outbound.media.MediaSources;
import pe.xofi.chat.outbound.media.PermanentMediaFailure;
import pe.xofi.chat.outbound.media.TransientMediaFailure;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.media.MediaDownload;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Downloads a member's file from Meta in two steps, both with the bearer token: {@code GET
 * /{version}/{media-id}} gives a URL, {@code GET <url>} gives the bytes. The id must be a Graph id
 * (digits) and the URL one of Meta's media hosts (HTTPS, {@code lookaside.fbsbx.com}, {@code
 * *.fbcdn.net}), else nothing is requested and the token goes nowhere. The URL expires after five
 * minutes, so when it is refused (401, 403, 404) the metadata is fetched again once for a fresh URL.
 */
public class MetaMediaFetcher implements MediaFetcher {

  /** Graph object ids are decimal digits. */
  static final MediaIdFormat MEDIA_ID = new MediaIdFormat("Meta", "media id", Pattern.compile("[0-9]{1,32}"));

  private final WebClient web;
  private final MediaSources sources;
  private final String version;
  private final String token;
  private final Duration timeout;

  /** {@code web} carries no base URL: media URLs point to Meta's CDN hosts. */
  public MetaMediaFetcher(WebClient web, MediaSources sources, String version, String token, Duration timeout) {
    this.web = web;
    this.sources = sources;
    this.version = version;
    this.token = token == null ? "" : token;
    this.timeout = timeout;
  }

  @Override
  public Provider provider() {
    return Provider.META;
  }

  @Override
  public FetchedMedia fetch(MediaDownload download, int maxBytes) {
    URI metadata = metadataUri(download.mediaId());
    return downloadOnce(metadata, download, maxBytes)
        .onErrorResume(ExpiredUrl.class, e -> downloadOnce(metadata, download, maxBytes))
        .onErrorMap(ExpiredUrl.class, e -> new PermanentMediaFailure(MediaOutcome.REJECTED,
            "Meta refused the media URL twice (" + e.status + ")"))
        .timeout(timeout)
        .onErrorMap(TimeoutException.class, e -> new TransientMediaFailure("Meta did not answer within " + timeout, e))
        .onErrorMap(e -> !(e instanceof MediaFailure), sources::unreachable)
        .block();
  }

  /** {@code {base}/{version}/{media-id}}, the id checked first. */
  URI metadataUri(String mediaId) {
    String id = MEDIA_ID.require(mediaId);
    return sources.require(UriComponentsBuilder.fromUri(sources.api()).pathSegment("{version}", "{id}")
        .encode().buildAndExpand(version, id).toUri());
  }

  private Mono<FetchedMedia> downloadOnce(URI metadata, MediaDownload download, int maxBytes) {
    return metadata(metadata).flatMap(media -> {
      // checked before the request is built: the token goes to an allowed media host or nowhere
      URI url = sources.require(media.path("url").asString());
      return web.get()
          .uri(url)
          .headers(h -> h.setBearerAuth(token))
          .exchangeToMono(response -> {
            int status = response.statusCode().value();
            if (status == 401 || status == 403 || status == 404) {
              return response.releaseBody().then(Mono.error(new ExpiredUrl(status)));
            }
            String announced = media.path("mime_type").isString() ? media.path("mime_type").asString() : download.mimeType();
            return BoundedDownload.read(response, "Meta", announced, maxBytes);
          });
    });
  }

  /** Step one: the media's metadata with a short-lived {@code url}. */
  private Mono<JsonNode> metadata(URI uri) {
    return web.get()
        .uri(uri)
        .headers(h -> h.setBearerAuth(token))
        .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
            ? response.bodyToMono(String.class).map(Json.MAPPER::readTree)
            : response.releaseBody().then(Mono.error(BoundedDownload.failure("Meta", response.statusCode().value()))))
        .flatMap(json -> json.path("url").isString()
            ? Mono.just(json)
            : Mono.error(new PermanentMediaFailure(MediaOutcome.REJECTED, "Meta media metadata has no url")));
  }

  /** The media URL was refused: it expired (five minutes) or was never valid. */
  private static final class ExpiredUrl extends RuntimeException {
    private final int status;

    ExpiredUrl(int status) {
      super("media URL refused with " + status, null, false, false);
      this.status = status;
    }
  }
}
