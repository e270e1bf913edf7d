package pe.xofi.chat.outbound.provider.whapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.util.unit.DataSize;
import pe.xofi.chat.outbound.media.FetchedMedia;
import pe.xofi.chat.outbound.media.MediaFailure;
import pe.xofi.chat.outbound.media.MediaOutcome;
import pe.xofi.chat.outbound.media.MediaProperties;
import pe.xofi.chat.outbound.media.PermanentMediaFailure;
import pe.xofi.chat.outbound.media.TransientMediaFailure;
import pe.xofi.chat.outbound.support.InProcessSandbox;
import pe.xofi.chat.outbound.support.Replies;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.media.MediaDownload;

/** The WHAPI media fetcher against the real sandbox app and a misbehaving HTTP server (no broker). */
class WhapiMediaFetcherTest {

  static final InProcessSandbox SANDBOX = InProcessSandbox.shared();
  static final int LIMIT = 4096;

  /** Serves {@code /chunked} without a Content-Length, {@code /busy} as 503, and records Authorization headers. */
  static HttpServer other;
  static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startOtherServer() throws IOException {
    other = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    other.createContext("/chunked", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream body = exchange.getResponseBody()) {
        for (int i = 0; i < 8; i++) {
          body.write(new byte[1024]);
        }
      } catch (IOException e) {
        // the fetcher hangs up once it has read past the limit
      }
    });
    other.createContext("/small", exchange -> {
      AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      byte[] body = {1, 2, 3};
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    other.createContext("/busy", exchange -> {
      exchange.sendResponseHeaders(503, -1);
      exchange.close();
    });
    other.start();
  }

  @AfterAll
  static void stopOtherServer() {
    other.stop(0);
  }

  private static WhapiMediaFetcher fetcher(String token) {
    MediaProperties media = new MediaProperties("g", DataSize.ofBytes(LIMIT), Duration.ofSeconds(5),
        Duration.ofSeconds(5), new MediaProperties.Retry(1, Duration.ofMillis(1), 1.0, Duration.ofMillis(1)));
    WhapiProperties whapi = new WhapiProperties(URI.create(SANDBOX.baseUrl()), token, Duration.ofSeconds(5), false);
    return new WhapiConfiguration().whapiMediaFetcher(whapi, media, WebClient.builder());
  }

  private static MediaDownload download(String mediaId, String link) {
    return new MediaDownload("RC-000001", "wa:51987654321", Provider.WHAPI, mediaId, link, "image/jpeg",
        Instant.parse("2025-01-15T15:00:00Z"));
  }

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  private static String otherUrl(String path) {
    return "http://localhost:" + other.getAddress().getPort() + path;
  }

  @Test
  void shouldDownloadTheExactBytesByMediaIdWithTheirContentType() {
    // given
    byte[] pdf = randomBytes(LIMIT);
    String mediaId = SANDBOX.upload(Replies.uniquePhone(), "application/pdf", pdf);
    // when
    FetchedMedia media = fetcher(InProcessSandbox.TOKEN).fetch(download(mediaId, null), LIMIT);
    // then
    assertThat(media.bytes()).isEqualTo(pdf);
    assertThat(media.mimeType()).isEqualTo("application/pdf");
  }

  @Test
  void shouldDownloadFromTheLinkWhenTheWebhookCarriedOne() {
    // given
    byte[] jpeg = randomBytes(100);
    String mediaId = SANDBOX.upload(Replies.uniquePhone(), "image/jpeg", jpeg);
    // when
    FetchedMedia media = fetcher(InProcessSandbox.TOKEN)
        .fetch(download("jpeg-not-this-one", SANDBOX.mediaUrl(mediaId)), LIMIT);
    // then
    assertThat(media.bytes()).isEqualTo(jpeg);
  }

  @Test
  void shouldNotSendTheTokenToALinkOutsideWhapi() {
    // given
    int before = AUTHORIZATIONS.size();
    // when
    FetchedMedia media = fetcher(InProcessSandbox.TOKEN).fetch(download("x", otherUrl("/small")), LIMIT);
    // then
    assertThat(media.bytes()).isEqualTo(new byte[] {1, 2, 3});
    assertThat(media.mimeType()).isEqualTo("image/jpeg");
    assertThat(AUTHORIZATIONS.subList(before, AUTHORIZATIONS.size())).containsExactly("null");
  }

  @Test
  void shouldRefuseAFileWhoseContentLengthIsOverTheLimit() {
    // given
    String mediaId = SANDBOX.upload(Replies.uniquePhone(), "image/png", randomBytes(LIMIT + 1));
    // when
    MediaFailure failure = catchThrowableOfType(MediaFailure.class,
        () -> fetcher(InProcessSandbox.TOKEN).fetch(download(mediaId, null), LIMIT));
    // then
    assertThat(failure).isInstanceOf(PermanentMediaFailure.class);
    assertThat(failure.outcome()).isEqualTo(MediaOutcome.TOO_LARGE);
    assertThat(failure.getMessage()).isEqualTo("file larger than 4096 bytes");
  }

  @Test
  void shouldStopReadingAtTheLimitWhenNoLengthIsAnnounced() {
    // when
    MediaFailure failure = catchThrowableOfType(MediaFailure.class,
        () -> fetcher(InProcessSandbox.TOKEN).fetch(download("x", otherUrl("/chunked")), LIMIT));
    // then
    assertThat(failure).isInstanceOf(PermanentMediaFailure.class);
    assertThat(failure.outcome()).isEqualTo(MediaOutcome.TOO_LARGE);
  }

  @Test
  void shouldFailPermanentlyWhenWhapiDoesNotHaveTheMedia() {
    // when
    MediaFailure failure = catchThrowableOfType(MediaFailure.class,
        () -> fetcher(InProcessSandbox.TOKEN).fetch(download("jpeg-00000000000000000000000000000000", null), LIMIT));
    // then
    assertThat(failure).isInstanceOf(PermanentMediaFailure.class);
    assertThat(failure.outcome()).isEqualTo(MediaOutcome.NOT_FOUND);
    assertThat(failure.getMessage()).isEqualTo("WHAPI answered 404: media not found");
  }

  @Test
  void shouldFailPermanentlyWithTheWrongToken() {
    // given
    String mediaId = SANDBOX.upload(Replies.uniquePhone(), "image/png", randomBytes(10));
    // when
    MediaFailure failure = catchThrowableOfType(MediaFailure.class,
        () -> fetcher("wrong-token").fetch(download(mediaId, null), LIMIT));
    // then
    assertThat(failure).isInstanceOf(PermanentMediaFailure.class);
    assertThat(failure.getMessage()).isEqualTo("WHAPI answered 401");
  }

  @Test
  void shouldFailTransientlyWhenTheServerIsBusy() {
    // when
    MediaFailure failure = catchThrowableOfType(MediaFailure.class,
        () -> fetcher(InProcessSandbox.TOKEN).fetch(download("x", otherUrl("/busy")), LIMIT));
    // then
    assertThat(failure).isInstanceOf(TransientMediaFailure.class);
    assertThat(failure.getMessage()).isEqualTo("WHAPI answered 503");
  }

  @Test
  void shouldFailTransientlyWhenWhapiIsUnreachable() {
    // when
    MediaFailure failure = catchThrowableOfType(MediaFailure.class,
        () -> fetcher(InProcessSandbox.TOKEN).fetch(
            download("x", "http://localhost:" + Replies.closedPort() + "/media/x"), LIMIT));
    // then
    assertThat(failure).isInstanceOf(TransientMediaFailure.class);
    assertThat(failure.getMessage()).startsWith("WHAPI unreachable: ");
  }
}
