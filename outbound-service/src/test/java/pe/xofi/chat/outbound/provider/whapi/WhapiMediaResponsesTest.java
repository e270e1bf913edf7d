package pe.xofi.chat.outbound.provider.whapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.outbound.media.MediaFailure;
import pe.xofi.chat.outbound.media.MediaOutcome;
import pe.xofi.chat.outbound.media.PermanentMediaFailure;
import pe.xofi.chat.outbound.media.TransientMediaFailure;

class WhapiMediaResponsesTest {

  record Mapping(int status, Class<?> type, MediaOutcome outcome, String reason) {}

  private static Mapping mapping(int status) {
    MediaFailure failure = WhapiMediaResponses.failure(status);
    return new Mapping(status, failure.getClass(), failure.outcome(), failure.getMessage());
  }

  @Test
  void shouldRetryBusyOrFailingWhapiAndGiveUpOnEverythingElse() {
    // when
    List<Mapping> mappings = List.of(404, 401, 403, 400, 429, 408, 500, 502, 503).stream()
        .map(WhapiMediaResponsesTest::mapping).toList();
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
    PermanentMediaFailure failure = WhapiMediaResponses.tooLarge(10_485_760);
    // then
    assertThat(failure.outcome()).isEqualTo(MediaOutcome.TOO_LARGE);
    assertThat(failure.getMessage()).isEqualTo("file larger than 10485760 bytes");
  }
}
