package pe.xofi.chat.outbound.provider.whapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import pe.xofi.chat.outbound.send.PermanentSendFailure;
import pe.xofi.chat.outbound.send.SendFailure;
import pe.xofi.chat.outbound.send.SentReceipt;
import pe.xofi.chat.outbound.send.TransientSendFailure;
import pe.xofi.chat.outbound.support.InProcessSandbox;
import pe.xofi.chat.outbound.support.Replies;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import tools.jackson.databind.JsonNode;

/** The WHAPI client against the real sandbox app (no broker). */
class WhapiClientTest {

  static final InProcessSandbox SANDBOX = InProcessSandbox.shared();

  private static WhapiClient client(String baseUrl, String token) {
    WhapiProperties properties = new WhapiProperties(URI.create(baseUrl), token, Duration.ofSeconds(5), false);
    return new WhapiConfiguration().whapiClient(properties, WebClient.builder(), java.time.Clock.systemUTC());
  }

  @Test
  void shouldPostTextWithBearerTokenAndReturnWhapisMessageId() {
    // given
    String phone = Replies.uniquePhone();
    OutboundMessage reply = Replies.text(phone, "*Hola María*\nTu saldo: S/ 1,250.50");
    // when
    SentReceipt receipt = client(SANDBOX.baseUrl(), InProcessSandbox.TOKEN).send(reply);
    // then
    JsonNode outbox = SANDBOX.outbox(phone);
    assertThat(outbox).hasSize(1);
    assertThat(receipt).isEqualTo(new SentReceipt(outbox.get(0).get("id").asString(), 201));
    assertThat(outbox.get(0).get("request").toString())
        .isEqualTo("{\"to\":\"" + phone + "\",\"body\":\"*Hola María*\\nTu saldo: S/ 1,250.50\"}");
  }

  @Test
  void shouldFailPermanentlyWhenTokenIsWrong() {
    // given
    String phone = Replies.uniquePhone();
    // when
    SendFailure failure = catchThrowableOfType(SendFailure.class,
        () -> client(SANDBOX.baseUrl(), "wrong-token").send(Replies.text(phone, "Hola")));
    // then
    assertThat(failure).isInstanceOf(PermanentSendFailure.class);
    assertThat(failure.statusCode()).contains(401);
    assertThat(failure.detail()).isEqualTo("Need channel authorization");
    assertThat(SANDBOX.outbox(phone)).isEmpty();
  }

  @Test
  void shouldFailPermanentlyWhenWhapiRejectsTheRecipient() {
    // when
    SendFailure failure = catchThrowableOfType(SendFailure.class,
        () -> client(SANDBOX.baseUrl(), InProcessSandbox.TOKEN).send(Replies.text("12", "Hola")));
    // then
    assertThat(failure).isInstanceOf(PermanentSendFailure.class);
    assertThat(failure.statusCode()).contains(400);
    assertThat(failure.detail()).isEqualTo("to must be a phone number or a chat id");
  }

  @Test
  void shouldFailTransientlyWhenWhapiIsUnreachable() {
    // when
    SendFailure failure = catchThrowableOfType(SendFailure.class,
        () -> client("http://localhost:" + Replies.closedPort(), InProcessSandbox.TOKEN)
            .send(Replies.text(Replies.uniquePhone(), "Hola")));
    // then
    assertThat(failure).isInstanceOf(TransientSendFailure.class);
    assertThat(failure.statusCode()).isEmpty();
    assertThat(failure.getMessage()).isEqualTo("WHAPI unreachable");
  }

  @Test
  void shouldSignalTheEndOfEachExchangeOnceOnTheIoThreadWhateverItsOutcome() {
    // given
    WhapiClient client = client(SANDBOX.baseUrl(), InProcessSandbox.TOKEN);
    WhapiClient unreachable = client("http://localhost:" + Replies.closedPort(), InProcessSandbox.TOKEN);
    List<String> ends = new CopyOnWriteArrayList<>();
    String caller = Thread.currentThread().getName();
    Function<String, Runnable> end = outcome -> () ->
        ends.add(Thread.currentThread().getName().equals(caller) ? outcome + " on the calling thread" : outcome);
    // when an answered send, a refused one and one that never reaches WHAPI end
    client.send(Replies.text(Replies.uniquePhone(), "Hola"), end.apply("answered"));
    catchThrowableOfType(SendFailure.class, () -> client.send(Replies.text("12", "Hola"), end.apply("refused")));
    catchThrowableOfType(SendFailure.class,
        () -> unreachable.send(Replies.text(Replies.uniquePhone(), "Hola"), end.apply("unreachable")));
    // then each ended once, on the I/O thread
    await().atMost(Duration.ofSeconds(5)).until(() -> ends.size() >= 3);
    assertThat(ends).containsExactlyInAnyOrder("answered", "refused", "unreachable");
  }
}
