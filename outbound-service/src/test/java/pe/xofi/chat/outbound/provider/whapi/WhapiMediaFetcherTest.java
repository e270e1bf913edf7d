package pe.xofi.chat.outbound.provider.whapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.util.unit.DataSize;
import pe.xofi.chat.outbound.media.FetchedMedia;
import pe.xofi.chat.outbound.media.MediaFailure;
import pe.xofi.chat.outbound.media.MediaOutcome;
import pe.xofi.chat.outbound.media.MediaProperties;
import pe.xofi.chat.outbound.media.PermanentMediaFailure;
import pe.xofi.chat.outbound.media.TransientMediaFailure;
import pe.xofi.chat.outbound.support.CapturingServer;
import pe.xofi.chat.outbound.support.CapturingServer.Answer;
import pe.xofi.chat.outbound.support.CapturingServer.Captured;
import pe.xofi.chat.outbound.support.InProcessSandbox;
import pe.xofi.chat.outbound.support.ReceiptBytes;
import pe.xofi.chat.outbound.support.Replies;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.media.MediaDownload;

/** The WHAPI media fetcher against the real sandbox app and a misbehaving HTTP server (no broker). */
class WhapiMediaFetcherTest {

  static final InProcessSandbox SANDBOX = InProcessSandbox.shared();
  static final int LIMIT = 4096;
  /** The sandbox and the test servers are on this machine: the local stack's profile. */
  static final MockEnvironment LOCAL = new MockEnvironment();

  static {
    LOCAL.setActiveProfiles("local");
  }

  /** A misbehaving WHAPI: {@code /media/chunked} without a Content-Length, {@code /media/busy} as 503. */
  static HttpServer other;

  @BeforeAll
  static void startOtherServer() throws IOException {
    other = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    other.createContext("/media/chunked", exchange -> {
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
    other.createContext("/media/busy", exchange -> {
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
    return fetcher(SANDBOX.baseUrl(), token);
  }

  private static WhapiMediaFetcher fetcher(String baseUrl, String token) {
    MediaProperties media = new MediaProperties("g", DataSize.ofBytes(LIMIT), Duration.ofSeconds(5),
        Duration.ofSeconds(5), new MediaProperties.Retry(1, Duration.ofMillis(1), 1.0, Duration.ofMillis(1)), null);
    WhapiProperties whapi = new WhapiProperties(URI.create(baseUrl), token, Duration.ofSeconds(5), false);
    return new WhapiConfiguration().whapiMediaFetcher(whapi, media, WebClient.builder(), LOCAL);
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

  private static String otherUrl() {
    return "http://localhost:" + other.getAddress().getPort();
  }

  /** WHAPI at {@code baseUrl} as in production: HTTPS and public addresses only, {@code hosts} for links. */
  private static WhapiMediaFetcher productionFetcher(String baseUrl, List<String> hosts) {
    MediaProperties media = new MediaProperties("g", DataSize.ofBytes(LIMIT), Duration.ofSeconds(5),
        Duration.ofSeconds(5), new MediaProperties.Retry(1, Duration.ofMillis(1), 1.0, Duration.ofMillis(1)),
        new MediaProperties.Hosts(hosts, List.of(), List.of()));
    WhapiProperties whapi = new WhapiProperties(URI.create(baseUrl), InProcessSandbox.TOKEN, Duration.ofSeconds(5), false);
    return new WhapiConfiguration().whapiMediaFetcher(whapi, media, WebClient.builder(), new MockEnvironment());
  }

  @Test
  void shouldDownloadTheExactBytesByMediaIdWithTheirContentType() {
    // given
    byte[] pdf = ReceiptBytes.pdf(LIMIT);
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
    byte[] jpeg = ReceiptBytes.jpeg(100);
    String mediaId = SANDBOX.upload(Replies.uniquePhone(), "image/jpeg", jpeg);
    // when: the link is on WHAPI's own origin (the sandbox's, in the local profile)
    FetchedMedia media = fetcher(InProcessSandbox.TOKEN)
        .fetch(download("jpeg-not-this-one", SANDBOX.mediaUrl(mediaId)), LIMIT);
    // then
    assertThat(media.bytes()).isEqualTo(jpeg);
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
        () -> fetcher(otherUrl(), InProcessSandbox.TOKEN).fetch(download("chunked", null), LIMIT));
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
        () -> fetcher(otherUrl(), InProcessSandbox.TOKEN).fetch(download("busy", null), LIMIT));
    // then
    assertThat(failure).isInstanceOf(TransientMediaFailure.class);
    assertThat(failure.getMessage()).isEqualTo("WHAPI answered 503");
  }

  @Test
  void shouldFailTransientlyWhenWhapiIsUnreachable() {
    // when
    MediaFailure failure = catchThrowableOfType(MediaFailure.class,
        () -> fetcher("http://localhost:" + Replies.closedPort(), InProcessSandbox.TOKEN).fetch(download("x", null), LIMIT));
    // then
    assertThat(failure).isInstanceOf(TransientMediaFailure.class);
    assertThat(failure.getMessage()).startsWith("WHAPI unreachable: ");
  }

  @Test
  void shouldNeverRequestALinkToALoopbackServerAndFetchTheFileFromWhapiInstead() {
    // given: a forged webhook whose link points into the cluster
    byte[] jpeg = ReceiptBytes.jpeg(200);
    String mediaId = SANDBOX.upload(Replies.uniquePhone(), "image/jpeg", jpeg);
    try (CapturingServer target = CapturingServer.answering(Answer.of(200, "image/jpeg", ReceiptBytes.jpeg(50)))) {
      // when
      FetchedMedia media = fetcher(InProcessSandbox.TOKEN).fetch(download(mediaId, target.url() + "/"), LIMIT);
      // then
      assertThat(target.requests()).isEmpty();
      assertThat(media.bytes()).isEqualTo(jpeg);
    }
  }

  @Test
  void shouldRefuseAnAllowedLinkHostThatResolvesToALoopbackAddressOutsideTheLocalProfile() {
    // given: an operator allow-listed a name that points into the machine (or was re-pointed there)
    try (CapturingServer target = CapturingServer.answering(Answer.of(200, "image/jpeg", ReceiptBytes.jpeg(50)))) {
      String port = target.url().substring(target.url().lastIndexOf(':') + 1);
      WhapiMediaFetcher fetcher = productionFetcher("https://gate.whapi.cloud", List.of("localhost:" + port));
      // when
      MediaFailure failure = catchThrowableOfType(MediaFailure.class,
          () -> fetcher.fetch(download("jpeg-1", "https://localhost:" + port + "/x.jpeg"), LIMIT));
      // then
      assertThat(target.requests()).isEmpty();
      assertThat(failure).isInstanceOf(PermanentMediaFailure.class);
      assertThat(failure.outcome()).isEqualTo(MediaOutcome.UNSAFE_SOURCE);
      assertThat(failure.getMessage())
          .isEqualTo("WHAPI media URL refused: host localhost resolves to an address that is not public");
    }
  }

  @Test
  void shouldRefuseAPlainHttpWhapiOutsideTheLocalProfile() {
    // given: WHAPI_BASE_URL of a production service pointed at a plain-HTTP listener
    try (CapturingServer whapi = CapturingServer.answering(Answer.of(200, "image/jpeg", ReceiptBytes.jpeg(50)))) {
      // when
      MediaFailure failure = catchThrowableOfType(MediaFailure.class,
          () -> productionFetcher(whapi.url(), List.of()).fetch(download("jpeg-1", null), LIMIT));
      // then
      assertThat(whapi.requests()).isEmpty();
      assertThat(failure.outcome()).isEqualTo(MediaOutcome.UNSAFE_SOURCE);
      assertThat(failure.getMessage()).isEqualTo("WHAPI media URL refused: not HTTPS");
    }
  }

  @Test
  void shouldNeverSendARequestForAMediaIdThatClimbsOutOfTheMediaPath() {
    // given: WHAPI is a capturing server, so any request at all would show
    try (CapturingServer whapi = CapturingServer.answering(Answer.json("{\"webhooks\":[]}"))) {
      // when
      MediaFailure failure = catchThrowableOfType(MediaFailure.class,
          () -> fetcher(whapi.url(), InProcessSandbox.TOKEN).fetch(download("../settings", null), LIMIT));
      // then
      assertThat(whapi.requests()).isEmpty();
      assertThat(failure).isInstanceOf(PermanentMediaFailure.class);
      assertThat(failure.outcome()).isEqualTo(MediaOutcome.UNSAFE_SOURCE);
      assertThat(failure.getMessage()).isEqualTo("WHAPI media id is not in WHAPI's format");
    }
  }

  @Test
  void shouldRefuseAnHtmlPageServedAsAPng() {
    // given
    String mediaId = SANDBOX.upload(Replies.uniquePhone(), "image/png",
        "<html><body>not a receipt</body></html>".getBytes(StandardCharsets.UTF_8));
    // when
    MediaFailure failure = catchThrowableOfType(MediaFailure.class,
        () -> fetcher(InProcessSandbox.TOKEN).fetch(download(mediaId, null), LIMIT));
    // then
    assertThat(failure).isInstanceOf(PermanentMediaFailure.class);
    assertThat(failure.outcome()).isEqualTo(MediaOutcome.UNSUPPORTED_TYPE);
    assertThat(failure.getMessage()).isEqualTo("WHAPI sent a file that is not a JPEG, PNG, WebP or PDF (image/png by its type)");
  }

  @Test
  void shouldRefuseAContentTypeOtherThanAReceiptFileWithoutReadingIt() {
    // given
    try (CapturingServer whapi = CapturingServer.answering(
        Answer.of(200, "text/html", "<html></html>".getBytes(StandardCharsets.UTF_8)))) {
      // when
      MediaFailure failure = catchThrowableOfType(MediaFailure.class,
          () -> fetcher(whapi.url(), InProcessSandbox.TOKEN).fetch(download("jpeg-1", null), LIMIT));
      // then
      assertThat(failure.outcome()).isEqualTo(MediaOutcome.UNSUPPORTED_TYPE);
      assertThat(failure.getMessage()).isEqualTo("WHAPI served text/html, not a JPEG, PNG, WebP or PDF");
    }
  }

  @Test
  void shouldNotFollowARedirect() {
    // given: WHAPI answers with a redirect to another server
    try (CapturingServer target = CapturingServer.answering(Answer.of(200, "image/jpeg", ReceiptBytes.jpeg(50)));
        CapturingServer whapi = CapturingServer.answering(Answer.redirect(target.url() + "/loot"))) {
      // when
      MediaFailure failure = catchThrowableOfType(MediaFailure.class,
          () -> fetcher(whapi.url(), InProcessSandbox.TOKEN).fetch(download("jpeg-1", null), LIMIT));
      // then
      assertThat(target.requests()).isEmpty();
      assertThat(whapi.requests()).containsExactly(new Captured("GET", "/media/jpeg-1", "Bearer " + InProcessSandbox.TOKEN));
      assertThat(failure.outcome()).isEqualTo(MediaOutcome.REJECTED);
      assertThat(failure.getMessage()).isEqualTo("WHAPI answered 302");
    }
  }
}
