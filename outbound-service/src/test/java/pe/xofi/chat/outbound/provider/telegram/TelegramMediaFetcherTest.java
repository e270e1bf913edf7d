package pe.xofi.chat.outbound.provider.telegram;

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
import pe.xofi.chat.outbound.support.CapturingServer;
import pe.xofi.chat.outbound.support.CapturingServer.Answer;
import pe.xofi.chat.outbound.support.CapturingServer.Captured;
import pe.xofi.chat.outbound.support.ReceiptBytes;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.media.MediaDownload;

/** The Telegram media fetcher against a scripted Bot API on this machine (the local profile, no broker). */
class TelegramMediaFetcherTest {

  static final int LIMIT = 4096;
  static final String TOKEN = "7000000001:AAbot-token_x";

  private static TelegramMediaFetcher fetcher(String apiUrl) {
    MockEnvironment local = new MockEnvironment();
    local.setActiveProfiles("local");
    MediaProperties media = new MediaProperties("g", DataSize.ofBytes(LIMIT), Duration.ofSeconds(5),
        Duration.ofSeconds(5), new MediaProperties.Retry(1, Duration.ofMillis(1), 1.0, Duration.ofMillis(1)), null);
    TelegramProperties telegram = new TelegramProperties(URI.create(apiUrl), TOKEN, Duration.ofSeconds(5));
    return new TelegramConfiguration().telegramMediaFetcher(telegram, media, WebClient.builder(), local);
  }

  private static MediaDownload download(String fileId) {
    return new MediaDownload("RC-000001", "tg:123456789", Provider.TELEGRAM, fileId, null, "image/jpeg",
        Instant.parse("2025-01-15T15:00:00Z"));
  }

  private static Answer file(String path) {
    return Answer.json("{\"ok\":true,\"result\":{\"file_id\":\"x\",\"file_unique_id\":\"y\",\"file_size\":50,\"file_path\":\""
        + path + "\"}}");
  }

  @Test
  void shouldDownloadTheFileAtThePathGetFileGave() {
    // given
    byte[] jpeg = ReceiptBytes.jpeg(300);
    try (CapturingServer api = CapturingServer.routing(Map.of(
        "/bot" + TOKEN + "/getFile", file("photos/file_0.jpg"),
        "/file/", Answer.of(200, "application/octet-stream", jpeg)))) {
      // when
      FetchedMedia media = fetcher(api.url()).fetch(download("AgACAgEAAxkBAAIB-y_Z"), LIMIT);
      // then
      assertThat(media.bytes()).isEqualTo(jpeg);
      assertThat(media.mimeType()).isEqualTo("image/jpeg");
      assertThat(api.requests()).extracting(Captured::target).containsExactly(
          "/bot" + TOKEN + "/getFile?file_id=AgACAgEAAxkBAAIB-y_Z", "/file/bot" + TOKEN + "/photos/file_0.jpg");
    }
  }

  @Test
  void shouldNeverCallTheBotApiWithAFileIdOutsideTelegramsAlphabet() {
    // given
    try (CapturingServer api = CapturingServer.answering(file("photos/file_0.jpg"))) {
      // when
      List<String> reasons = List.of("../getUpdates", "a/b", "x&offset=1", "").stream()
          .map(id -> catchThrowableOfType(MediaFailure.class, () -> fetcher(api.url()).fetch(download(id), LIMIT)))
          .map(failure -> failure.outcome() + " " + failure.getMessage())
          .toList();
      // then
      assertThat(api.requests()).isEmpty();
      assertThat(reasons).containsOnly("UNSAFE_SOURCE Telegram file_id is not in Telegram's format").hasSize(4);
    }
  }

  @Test
  void shouldNotFollowAFilePathThatClimbsOutOfTheFileFolder() {
    // given: getFile answers a path that would reach another bot method
    try (CapturingServer api = CapturingServer.answering(file("../../bot" + TOKEN + "/getUpdates"))) {
      // when
      MediaFailure failure = catchThrowableOfType(MediaFailure.class,
          () -> fetcher(api.url()).fetch(download("AgACAgEAAxkBAAIB"), LIMIT));
      // then
      assertThat(api.requests()).extracting(Captured::target)
          .containsExactly("/bot" + TOKEN + "/getFile?file_id=AgACAgEAAxkBAAIB");
      assertThat(failure.outcome()).isEqualTo(MediaOutcome.UNSAFE_SOURCE);
      assertThat(failure.getMessage()).isEqualTo("Telegram file_path is not in Telegram's format");
    }
  }
}
