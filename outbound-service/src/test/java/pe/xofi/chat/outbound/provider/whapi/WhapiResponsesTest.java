package pe.xofi.chat.outbound.provider.whapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import pe.xofi.chat.outbound.send.PermanentSendFailure;
import pe.xofi.chat.outbound.send.SendFailure;
import pe.xofi.chat.outbound.send.SentReceipt;
import pe.xofi.chat.outbound.send.TransientSendFailure;

class WhapiResponsesTest {

  private static final String SENT = """
      {"sent":true,"message":{"id":"PsobWy36679._7w-wKmB9tMeGQ","from_me":true,"type":"text",
       "chat_id":"51987654321@s.whatsapp.net","timestamp":1736953200,"status":"pending",
       "text":{"body":"Hola"}}}""";

  /** The failure's class, message, status and detail, to compare as one value. */
  private record Failure(Class<?> type, String message, Integer status, String detail) {
    static Failure of(SendFailure f) {
      return new Failure(f.getClass(), f.getMessage(), f.statusCode().orElse(null), f.detail());
    }
  }

  private static Failure failureOf(int status, String body) {
    return Failure.of(catchThrowableOfType(SendFailure.class, () -> WhapiResponses.outcome(status, body)));
  }

  @Test
  void shouldReadProviderMessageIdFromCreatedSentMessage() {
    // when
    SentReceipt receipt = WhapiResponses.outcome(201, SENT);
    // then
    assertThat(receipt).isEqualTo(new SentReceipt("PsobWy36679._7w-wKmB9tMeGQ", 201));
  }

  @Test
  void shouldTreatAny2xxAsSentEvenWithoutId() {
    // when
    SentReceipt receipt = WhapiResponses.outcome(200, "");
    // then
    assertThat(receipt).isEqualTo(new SentReceipt(null, 200));
  }

  @Test
  void shouldRefuseForGoodOnUnauthorized() {
    // when
    Failure failure = failureOf(401, "{\"error\":{\"code\":401,\"message\":\"Need channel authorization\"}}");
    // then
    assertThat(failure).isEqualTo(
        new Failure(PermanentSendFailure.class, "WHAPI answered 401", 401, "Need channel authorization"));
  }

  @Test
  void shouldRefuseForGoodOnBadRequestWithDetails() {
    // when
    Failure failure = failureOf(400,
        "{\"error\":{\"code\":400,\"message\":\"Bad Request\",\"details\":\"to is required\"}}");
    // then
    assertThat(failure).isEqualTo(
        new Failure(PermanentSendFailure.class, "WHAPI answered 400", 400, "Bad Request: to is required"));
  }

  @Test
  void shouldRetryOnTooManyRequests() {
    // when
    Failure failure = failureOf(429, "{\"error\":{\"code\":429,\"message\":\"Too many requests\"}}");
    // then
    assertThat(failure).isEqualTo(
        new Failure(TransientSendFailure.class, "WHAPI answered 429", 429, "Too many requests"));
  }

  @Test
  void shouldRetryOnServerErrorWithoutJsonBody() {
    // when
    Failure failure = failureOf(503, "upstream connect error");
    // then
    assertThat(failure).isEqualTo(
        new Failure(TransientSendFailure.class, "WHAPI answered 503", 503, "upstream connect error"));
  }
}
