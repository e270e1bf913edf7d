package pe.xofi.chat.outbound.provider.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;
import pe.xofi.chat.outbound.media.FetchedMedia;
import pe.xofi.chat.outbound.media.MediaFailure;
import pe.xofi.chat.outbound.media.MediaOutcome;
import pe.xofi.chat.outbound.media.MediaProperties;
import pe.xofi.chat.outbound.media.PermanentMediaFailure;
import pe.xofi.chat.outbound.support.CapturingServer;
import pe.xofi.chat.outbound.support.CapturingServer.Answer;
import pe.xofi.chat.outbound.support.CapturingServer.Captured;
import pe.xofi.chat.outbound.support.ReceiptBytes;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.media.MediaDownload;

/** The Meta media fetcher against a scripted Graph API on this machine (the local profile, no broker). */
class MetaMediaFetcherTest {

  static final int LIMIT = 4096;
  static final String TOKEN = "meta-system-user-token";

  private static MetaMediaFetcher fetcher(String graphUrl) {
    MockEnvironment local = new MockEnvironment();
    local.setActiveProfiles("local");
    MediaProperties media = new MediaProperties("g", DataSize.ofBytes(LIMIT), Duration.ofSeconds(5),
        Duration.ofSeconds(5), new MediaProperties.Retry(1, Duration.ofMillis(1), 1.0, Duration.ofMillis(1)),
        new MediaProperties.Hosts(List.of(), List.of("lookaside.fbsbx.com", "*.fbcdn.net"), List.of()));
    MetaProperties meta = new MetaProperties(URI.create(graphUrl), "v21.0", TOKEN, "100000000000001", Duration.ofSeconds(5));
    return new MetaConfiguration().metaMediaFetcher(meta, media, WebClient.builder(), local);
  }

  private static MediaDownload download(String mediaId) {
    return new MediaDownload("RC-000001", "wa:51987654321", Provider.META, mediaId, null, "image/jpeg",
        Instant.parse("2025-01-15T15:00:00Z"));
  }

  private static Answer metadata(String url) {
    return Answer.json("{\"messaging_product\":\"whatsapp\",\"url\":\"" + url
        + "\",\"mime_type\":\"image/jpeg\",\"file_size\":\"200\",\"id\":\"2621233374848975\"}");
  }

  @Test
  void shouldDownloadTheFileFromTheUrlOfTheMetadataWithTheTokenOnBothSteps() {
    // given: the media URL is on the Graph origin itself, as the sandbox's is
    byte[] jpeg = ReceiptBytes.jpeg(200);
    try (CapturingServer graph = CapturingServer.routing(url -> Map.of(
        "/v21.0/2621233374848975", metadata(url + "/meta-media/2621233374848975"),
        "/meta-media/", Answer.of(200, "image/jpeg", jpeg)))) {
      // when
      FetchedMedia media = fetcher(graph.url()).fetch(download("2621233374848975"), LIMIT);
      // then
      assertThat(media.bytes()).isEqualTo(jpeg);
      assertThat(graph.requests()).containsExactly(
          new Captured("GET", "/v21.0/2621233374848975", "Bearer " + TOKEN),
          new Captured("GET", "/meta-media/2621233374848975", "Bearer " + TOKEN));
    }
  }

  @Test
  void shouldNeverSendTheTokenToAMediaUrlOnAnotherHost() {
    // given: forged or poisoned metadata points the media URL at a server the attacker reads
    try (CapturingServer attacker = CapturingServer.answering(Answer.of(200, "image/jpeg", ReceiptBytes.jpeg(50)));
        CapturingServer graph = CapturingServer.answering(metadata(attacker.url() + "/collect"))) {
      // when
      MediaFailure failure = catchThrowableOfType(MediaFailure.class,
          () -> fetcher(graph.url()).fetch(download("2621233374848975"), LIMIT));
      // then
      assertThat(attacker.requests()).isEmpty();
      assertThat(graph.requests()).containsExactly(new Captured("GET", "/v21.0/2621233374848975", "Bearer " + TOKEN));
      assertThat(failure).isInstanceOf(PermanentMediaFailure.class);
      assertThat(failure.outcome()).isEqualTo(MediaOutcome.UNSAFE_SOURCE);
      assertThat(failure.getMessage()).isEqualTo("Meta media URL refused: not HTTPS");
    }
  }

  @Test
  void shouldNeverSendTheTokenToAnHttpsHostOffMetasCdn() {
    // given
    try (CapturingServer graph = CapturingServer.answering(metadata("https://attacker.example/collect"))) {
      // when
      MediaFailure failure = catchThrowableOfType(MediaFailure.class,
          () -> fetcher(graph.url()).fetch(download("2621233374848975"), LIMIT));
      // then
      assertThat(graph.requests()).hasSize(1);
      assertThat(failure.outcome()).isEqualTo(MediaOutcome.UNSAFE_SOURCE);
      assertThat(failure.getMessage()).isEqualTo("Meta media URL refused: host attacker.example is not one of Meta's media hosts");
    }
  }

  @Test
  void shouldNeverCallTheGraphApiWithAMediaIdThatIsNotAGraphId() {
    // given
    try (CapturingServer graph = CapturingServer.answering(Answer.json("{\"data\":[]}"))) {
      // when
      List<String> reasons = List.of("../../me/accounts", "1/../../me", "123?fields=access_token", "12#x", "")
          .stream()
          .map(id -> catchThrowableOfType(MediaFailure.class, () -> fetcher(graph.url()).fetch(download(id), LIMIT)))
          .map(failure -> failure.outcome() + " " + failure.getMessage())
          .toList();
      // then
      assertThat(graph.requests()).isEmpty();
      assertThat(reasons).containsOnly("UNSAFE_SOURCE Meta media id is not in Meta's format").hasSize(5);
    }
  }

  @Test
  void shouldRefuseAnHtmlPageServedAsAJpeg() {
    // given
    try (CapturingServer graph = CapturingServer.routing(url -> Map.of(
        "/v21.0/", metadata(url + "/meta-media/1"),
        "/meta-media/", Answer.of(200, "image/jpeg", "<html>login</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8))))) {
      // when
      MediaFailure failure = catchThrowableOfType(MediaFailure.class,
          () -> fetcher(graph.url()).fetch(download("1"), LIMIT));
      // then
      assertThat(failure.outcome()).isEqualTo(MediaOutcome.UNSUPPORTED_TYPE);
      assertThat(failure.getMessage()).isEqualTo("Meta sent a file that is not a JPEG, PNG, WebP or PDF (image/jpeg by its type)");
    }
  }
}
