package pe.xofi.chat.outbound.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.outbound.support.ReceiptBytes;

class BoundedDownloadTest {

  record Mapping(int status, Class<?> type, MediaOutcome outcome, String reason) {}

  private static Mapping mapping(int status) {
    MediaFailure failure = BoundedDownload.failure("WHAPI", status);
    return new Mapping(status, failure.getClass(), failure.outcome(), failure.getMessage());
  }

  @Test
  void shouldRetryBusyOrFailingWhapiAndGiveUpOnEverythingElse() {
    // when
    List<Mapping> mappings = List.of(404, 401, 403, 400, 429, 408, 500, 502, 503).stream()
        .map(BoundedDownloadTest::mapping).toList();
    // then
    assertThat(mappings).containsExactly(
        new Mapping(404, PermanentMediaFailure.class, MediaOutcome.NOT_FOUND, "WHAPI answered 404: media not found"),
        new Mapping(401, PermanentMediaFailure.class, MediaOutcome.REJECTED, "WHAPI answered 401"),
        new Mapping(403, PermanentMediaFailure.class, MediaOutcome.REJECTED, "WHAPI answered 403"),
        new Mapping(400, PermanentMediaFailure.class, MediaOutcome.REJECTED, "WHAPI answered 400"),
        new Mapping(429, TransientMediaFailure.class, MediaOutcome.TRANSIENT_ERROR, "WHAPI answered 429"),
        new Mapping(408, TransientMediaFailure.class, MediaOutcome.TRANSIENT_ERROR, "WHAPI answered 408"),
        new Mapping(500, TransientMediaFailure.class, MediaOutcome.TRANSIENT_ERROR, "WHAPI answered 500"),
        new Mapping(502, TransientMediaFailure.class, MediaOutcome.TRANSIENT_ERROR, "WHAPI answered 502"),
        new Mapping(503, TransientMediaFailure.class, MediaOutcome.TRANSIENT_ERROR, "WHAPI answered 503"));
  }

  @Test
  void shouldNameTheLimitOfATooLargeFile() {
    // when
    PermanentMediaFailure failure = BoundedDownload.tooLarge(10_485_760);
    // then
    assertThat(failure.outcome()).isEqualTo(MediaOutcome.TOO_LARGE);
    assertThat(failure.getMessage()).isEqualTo("file larger than 10485760 bytes");
  }

  @Test
  void shouldTypeAFileByItsBytesWhateverItsContentTypeSaid() {
    // given: a PNG the phone called a JPEG
    byte[] png = ReceiptBytes.png(64);
    // when
    FetchedMedia media = BoundedDownload.typed(png, "WHAPI", "image/jpeg");
    // then
    assertThat(media.mimeType()).isEqualTo("image/png");
    assertThat(media.bytes()).isEqualTo(png);
  }

  @Test
  void shouldRefuseBytesThatAreNoReceiptFileAndQuoteOnlyASafeType() {
    // when
    PermanentMediaFailure failure = catchThrowableOfType(PermanentMediaFailure.class, () -> BoundedDownload.typed(
        "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), "Meta", "image/png\nFORGED log line"));
    // then
    assertThat(failure.outcome()).isEqualTo(MediaOutcome.UNSUPPORTED_TYPE);
    assertThat(failure.getMessage())
        .isEqualTo("Meta sent a file that is not a JPEG, PNG, WebP or PDF (image/png?FORGED?log?line by its type)");
  }
}
