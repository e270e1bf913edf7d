package pe.xofi.chat.outbound.provider.telegram;

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
 * Downloads a member's file from Telegram: {@code getFile(file_id)} gives a {@code file_path},
 * valid for at least an hour, and {@code GET /file/bot<token>/<file_path>} gives the bytes. Bots
 * can download files of up to 20 MB; the type is the one the bytes show. The file id (from the
 * webhook) and the file path (from the API) must be in Telegram's formats before either is put in
 * a URL, and both calls go to the Bot API origin only.
 */
public class TelegramMediaFetcher implements MediaFetcher {

  /** File ids are URL-safe base64. */
  static final MediaIdFormat FILE_ID = new MediaIdFormat("Telegram", "file_id", Pattern.compile("[A-Za-z0-9_-]{1,256}"));

  /** File paths are a few relative segments such as {@code photos/file_0.jpg}; no segment starts with a dot. */
  static final MediaIdFormat FILE_PATH = new MediaIdFormat("Telegram", "file_path",
      Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]{0,127}/){0,3}[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}"));

  private final WebClient web;
  private final MediaSources sources;
  private final String token;
  private final Duration timeout;

  public TelegramMediaFetcher(WebClient web, MediaSources sources, String token, Duration timeout) {
    this.web = web;
    this.sources = sources;
    this.token = token == null ? "" : token;
    this.timeout = timeout;
  }

  @Override
  public Provider provider() {
    return Provider.TELEGRAM;
  }

  @Override
  public FetchedMedia fetch(MediaDownload download, int maxBytes) {
    URI getFile = getFileUri(download.mediaId());
    return filePath(getFile)
        .flatMap(path -> web.get()
            .uri(fileUri(path))
            .exchangeToMono(response -> BoundedDownload.read(response, "Telegram", download.mimeType(), maxBytes)))
        .timeout(timeout)
        .onErrorMap(TimeoutException.class, e -> new TransientMediaFailure("Telegram did not answer within " + timeout, e))
        .onErrorMap(e -> !(e instanceof MediaFailure), sources::unreachable)
        .block();
  }

  /** {@code {base}/bot<token>/getFile?file_id=<id>}, the id checked first. */
  URI getFileUri(String fileId) {
    String id = FILE_ID.require(fileId);
    return sources.require(UriComponentsBuilder.fromUri(sources.api()).path("/bot{token}/getFile")
        .queryParam("file_id", "{id}").buildAndExpand(token, id).encode().toUri());
  }

  /** {@code {base}/file/bot<token>/<file_path>}, the path checked first and added segment by segment. */
  URI fileUri(String filePath) {
    String[] segments = FILE_PATH.require(filePath).split("/");
    return sources.require(UriComponentsBuilder.fromUri(sources.api()).path("/file/bot{token}").pathSegment(segments)
        .buildAndExpand(token).encode().toUri());
  }

  private Mono<String> filePath(URI getFile) {
    return web.get()
        .uri(getFile)
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
