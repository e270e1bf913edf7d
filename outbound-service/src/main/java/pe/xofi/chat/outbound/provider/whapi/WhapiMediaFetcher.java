package pe.xofi.chat.outbound.provider.whapi;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import pe.xofi.chat.outbound.media.FetchedMedia;
import pe.xofi.chat.outbound.media.MediaFailure;
import pe.xofi.chat.outbound.media.MediaFetcher;
import pe.xofi.chat.outbound.media.MediaOutcome;
import pe.xofi.chat.outbound.media.PermanentMediaFailure;
import pe.xofi.chat.outbound.media.TransientMediaFailure;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.media.MediaDownload;
import reactor.core.publisher.Mono;

/**
 * Downloads a member's file with WHAPI's {@code GET {base}/media/{MediaID}} and the bearer token,
 * or from the Auto Download {@code link} when the webhook carried one (the token goes only to WHAPI's
 * own origin). A Content-Length over the limit is refused before reading, and reading stops at the
 * limit when the length is not announced.
 */
public class WhapiMediaFetcher implements MediaFetcher {

  private final WebClient web;
  private final URI baseUrl;
  private final String token;
  private final Duration timeout;

  /** {@code web} carries no base URL and no token: links may point elsewhere. */
  public WhapiMediaFetcher(WebClient web, URI baseUrl, String token, Duration timeout) {
    this.web = web;
    this.baseUrl = baseUrl;
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
    boolean whapi = sameOrigin(source, baseUrl);
    return web.get()
        .uri(source)
        .headers(h -> {
          if (whapi && token != null && !token.isBlank()) {
            h.setBearerAuth(token);
          }
        })
        .exchangeToMono(response -> read(response, download.mimeType(), maxBytes))
        .timeout(timeout)
        .onErrorMap(TimeoutException.class, e -> new TransientMediaFailure("WHAPI did not answer within " + timeout, e))
        .onErrorMap(e -> !(e instanceof MediaFailure),
            e -> new TransientMediaFailure("WHAPI unreachable: " + MediaFailure.rootCause(e), e))
        .block();
  }

  /** The Auto Download link when there is one, else {@code {base}/media/{MediaID}}. */
  URI sourceOf(MediaDownload download) {
    if (download.link() != null && !download.link().isBlank()) {
      return URI.create(download.link());
    }
    return UriComponentsBuilder.fromUri(baseUrl).path("/media/{id}").buildAndExpand(download.mediaId()).encode().toUri();
  }

  private static Mono<FetchedMedia> read(ClientResponse response, String announcedType, int maxBytes) {
    int status = response.statusCode().value();
    if (!response.statusCode().is2xxSuccessful()) {
      return response.releaseBody().then(Mono.error(WhapiMediaResponses.failure(status)));
    }
    if (response.headers().contentLength().orElse(-1) > maxBytes) {
      return response.releaseBody().then(Mono.error(WhapiMediaResponses.tooLarge(maxBytes)));
    }
    String mimeType = response.headers().contentType()
        .map(type -> type.getType() + "/" + type.getSubtype())
        .filter(type -> !MediaType.APPLICATION_OCTET_STREAM_VALUE.equals(type) || announcedType == null)
        .orElse(announcedType);
    return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()), maxBytes)
        .onErrorMap(DataBufferLimitException.class, e -> WhapiMediaResponses.tooLarge(maxBytes))
        .map(buffer -> new FetchedMedia(bytesOf(buffer), mimeType))
        .switchIfEmpty(Mono.error(() -> new PermanentMediaFailure(MediaOutcome.REJECTED, "WHAPI sent an empty file")));
  }

  private static byte[] bytesOf(DataBuffer buffer) {
    try {
      byte[] bytes = new byte[buffer.readableByteCount()];
      buffer.read(bytes);
      return bytes;
    } finally {
      DataBufferUtils.release(buffer);
    }
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
