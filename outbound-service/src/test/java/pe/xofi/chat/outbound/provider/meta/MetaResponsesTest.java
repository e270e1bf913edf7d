package pe.xofi.chat.outbound.provider.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pe.xofi.chat.outbound.send.PermanentSendFailure;
import pe.xofi.chat.outbound.send.SentReceipt;
import pe.xofi.chat.outbound.send.TransientSendFailure;

class MetaResponsesTest {

  @Test
  void shouldReadTheWamidOfASuccessfulSend() {
    // given: Meta's documented response
    String body = "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+16505551234\","
        + "\"wa_id\":\"16505551234\"}],\"messages\":[{\"id\":\"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI\"}]}";

    // when
    SentReceipt receipt = MetaResponses.outcome(200, body);

    // then
    assertThat(receipt).isEqualTo(new SentReceipt("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI", 200));
  }

  @ParameterizedTest
  @ValueSource(ints = {130429, 131056})
  void shouldBackOffOnRateLimitCodes(int code) {
    // given
    String body = "{\"error\":{\"message\":\"(#" + code + ") Rate limit hit\",\"type\":\"OAuthException\","
        + "\"code\":" + code + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"slow down\"},"
        + "\"fbtrace_id\":\"Az8or2yhqkZfEZ-_4Qn_Bam\"}}";

    // when
    TransientSendFailure failure = catchThrowableOfType(TransientSendFailure.class, () -> MetaResponses.outcome(400, body));

    // then
    assertThat(failure.getMessage()).isEqualTo("Meta answered 400 with error " + code);
    assertThat(failure.detail()).isEqualTo(code + ": (#" + code + ") Rate limit hit (slow down)");
  }

  @Test
  void shouldGiveUpWithAClearReasonWhenTheCustomerServiceWindowIsClosed() {
    // given
    String body = "{\"error\":{\"message\":\"(#131047) Re-engagement message\",\"type\":\"OAuthException\","
        + "\"code\":131047,\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"Message failed to send "
        + "because more than 24 hours have passed since the customer last replied to this number.\"}}}";

    // when
    PermanentSendFailure failure = catchThrowableOfType(PermanentSendFailure.class, () -> MetaResponses.outcome(400, body));

    // then
    assertThat(failure.detail()).isEqualTo(
        "24-hour customer service window closed (131047): the member has not written for more than 24 hours, "
            + "so only an approved template can reach them; 131047: (#131047) Re-engagement message (Message "
            + "failed to send because more than 24 hours have passed since the customer last replied to this number.)");
  }

  @Test
  void shouldRefuseAnInvalidRecipientForGood() {
    // given
    String body = "{\"error\":{\"message\":\"Invalid parameter\",\"code\":100}}";

    // when
    PermanentSendFailure failure = catchThrowableOfType(PermanentSendFailure.class, () -> MetaResponses.outcome(400, body));

    // then
    assertThat(failure.detail()).isEqualTo("100: Invalid parameter");
  }
}
