package pe.xofi.chat.outbound.provider.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import pe.xofi.chat.outbound.media.BoundedDownload;
import pe.xofi.chat.outbound.media.FetchedMedia;
import pe.xofi.chat.outbound.media.MediaFailure;
import pe.xofi.chat.outbound.media.MediaFetcher;
import pe.xofi.chat.outbound.media.MediaOutcome;
import pe.xofi.chat.outbound.media.PermanentMediaFailure;
import pe.xofi.chat.outbound.media.TransientMediaFailure;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.media.MediaDownload;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Downloads a member's file from Telegram: {@code getFile(file_id)} gives a {@code file_path},
 * valid for at least an hour, and {@code GET /file/bot<token>/<file_path>} gives the bytes. Bots
 * can download files of up to 20 MB; the MIME type is the one the message announced.
 */
public class TelegramMediaFetcher implements MediaFetcher {

  private final WebClient web;
  private final URI baseUrl;
  private final String token;
  private final Duration timeout;

  public TelegramMediaFetcher(WebClient web, URI baseUrl, String token, Duration timeout) {
    this.web = web;
    this.baseUrl = baseUrl;
    this.token = token == null ? "" : token;
    this.timeout = timeout;
  }

  @Override
  public Provider provider() {
    return Provider.TELEGRAM;
  }

  @Override
  public FetchedMedia fetch(MediaDownload download, int maxBytes) {
    return filePath(download.mediaId())
        .flatMap(path -> web.get()
            .uri(UriComponentsBuilder.fromUri(baseUrl).path("/file/bot{token}/").path(path)
                .buildAndExpand(token).toUri())
            .exchangeToMono(response -> BoundedDownload.read(response, "Telegram", download.mimeType(), maxBytes)))
        .timeout(timeout)
        .onErrorMap(TimeoutException.class, e -> new TransientMediaFailure("Telegram did not answer within " + timeout, e))
        .onErrorMap(e -> !(e instanceof MediaFailure),
            e -> new TransientMediaFailure("Telegram unreachable: " + MediaFailure.rootCause(e), e))
        .block();
  }

  private Mono<String> filePath(String fileId) {
    URI uri = UriComponentsBuilder.fromUri(baseUrl).path("/bot{token}/getFile").queryParam("file_id", "{id}")
        .buildAndExpand(token, fileId).encode().toUri();
    return web.get()
        .uri(uri)
        .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
            ? response.bodyToMono(String.class).map(Json.MAPPER::readTree)
            : response.releaseBody().then(Mono.error(BoundedDownload.failure("Telegram", response.statusCode().value()))))
        .flatMap(TelegramMediaFetcher::pathOf);
  }

  private static Mono<String> pathOf(JsonNode file) {
    JsonNode path = file.at("/result/file_path");
    return path.isString()
        ? Mono.just(path.asString())
        // Telegram leaves file_path out for files over the 20 MB a bot may download
        : Mono.error(new PermanentMediaFailure(MediaOutcome.TOO_LARGE, "Telegram gave no file_path (file over 20 MB?)"));
  }
}
