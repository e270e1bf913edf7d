package pe.xofi.chat.outbound.provider.meta;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import pe.xofi.chat.outbound.media.MediaFailure;
import pe.xofi.chat.outbound.send.MessageSender;
import pe.xofi.chat.outbound.send.SentReceipt;
import pe.xofi.chat.outbound.send.TransientSendFailure;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * Sends replies with Meta's {@code POST /{version}/{phone-number-id}/messages}: text, interactive
 * buttons and lists, templates; no answer within the timeout or no connection is transient.
 */
public class MetaClient implements MessageSender {

  private final WebClient web;
  private final String messagesPath;
  private final Duration timeout;

  /** {@code web} already carries the Graph base URL and the bearer token. */
  public MetaClient(WebClient web, String version, String phoneNumberId, Duration timeout) {
    this.web = web;
    this.messagesPath = "/" + version + "/" + phoneNumberId + "/messages";
    this.timeout = timeout;
  }

  @Override
  public Provider provider() {
    return Provider.META;
  }

  @Override
  public SentReceipt send(OutboundMessage message, Runnable exchangeEnded) {
    return web.post()
        .uri(messagesPath)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(MetaMessageRequest.of(message))
        .exchangeToMono(response -> response.bodyToMono(String.class)
            .defaultIfEmpty("")
            .map(body -> MetaResponses.outcome(response.statusCode().value(), body)))
        .timeout(timeout)
        .onErrorMap(TimeoutException.class, e -> new TransientSendFailure(
            "Meta did not answer within " + timeout, null, "no answer within " + timeout, e))
        .onErrorMap(WebClientRequestException.class, e -> new TransientSendFailure(
            "Meta unreachable", null, "Meta unreachable: " + MediaFailure.rootCause(e), e))
        .doFinally(signal -> exchangeEnded.run())
        .block();
  }
}
