package pe.xofi.chat.outbound.provider.whapi;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import pe.xofi.chat.outbound.send.MessageSender;
import pe.xofi.chat.outbound.send.SentReceipt;
import pe.xofi.chat.outbound.send.TransientSendFailure;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * Sends replies with WHAPI's {@code POST /messages/text}; a send that cannot reach WHAPI or gets
 * no answer within the timeout is transient.
 */
public class WhapiClient implements MessageSender {

  private final WebClient web;
  private final Duration timeout;

  /** {@code web} already carries WHAPI's base URL and the bearer token. */
  public WhapiClient(WebClient web, Duration timeout) {
    this.web = web;
    this.timeout = timeout;
  }

  @Override
  public Provider provider() {
    return Provider.WHAPI;
  }

  @Override
  public SentReceipt send(OutboundMessage message) {
    return web.post()
        .uri("/messages/text")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(WhapiTextRequest.of(message))
        .exchangeToMono(response -> response.bodyToMono(String.class)
            .defaultIfEmpty("")
            .map(body -> WhapiResponses.outcome(response.statusCode().value(), body)))
        .timeout(timeout)
        .onErrorMap(TimeoutException.class, e -> new TransientSendFailure(
            "WHAPI did not answer within " + timeout, null, "no answer within " + timeout, e))
        .onErrorMap(WebClientRequestException.class, e -> new TransientSendFailure(
            "WHAPI unreachable", null, "WHAPI unreachable: " + rootCause(e), e))
        .block();
  }

  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName();
  }
}
