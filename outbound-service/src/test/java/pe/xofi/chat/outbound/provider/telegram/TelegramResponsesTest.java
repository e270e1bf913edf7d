package pe.xofi.chat.outbound.provider.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.outbound.send.PermanentSendFailure;
import pe.xofi.chat.outbound.send.SentReceipt;
import pe.xofi.chat.outbound.send.TransientSendFailure;

class TelegramResponsesTest {

  @Test
  void shouldReadTheMessageIdOfASentMessage() {
    // when
    SentReceipt receipt = TelegramResponses.outcome(200,
        "{\"ok\":true,\"result\":{\"message_id\":812,\"chat\":{\"id\":734561289,\"type\":\"private\"},\"date\":1,\"text\":\"Hola\"}}");

    // then
    assertThat(receipt).isEqualTo(new SentReceipt("812", 200));
  }

  @Test
  void shouldCarryRetryAfterOfA429() {
    // given: the maintainer-confirmed body, and an older one without parameters
    String current = "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 2282\","
        + "\"parameters\":{\"retry_after\":2282}}";
    String older = "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\"}";

    // when
    TransientSendFailure first = catchThrowableOfType(TransientSendFailure.class, () -> TelegramResponses.outcome(429, current));
    TransientSendFailure second = catchThrowableOfType(TransientSendFailure.class, () -> TelegramResponses.outcome(429, older));

    // then
    assertThat(first.retryAfter()).isEqualTo(Optional.of(Duration.ofSeconds(2282)));
    assertThat(second.retryAfter()).isEqualTo(Optional.of(Duration.ofSeconds(7)));
  }

  @Test
  void shouldGiveUpWhenTheMemberBlockedTheBot() {
    // when
    PermanentSendFailure failure = catchThrowableOfType(PermanentSendFailure.class, () -> TelegramResponses.outcome(403,
        "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}"));

    // then
    assertThat(failure.detail()).isEqualTo("Forbidden: bot was blocked by the user");
  }
}
