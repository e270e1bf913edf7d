package pe.xofi.chat.outbound.provider.whapi;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import pe.xofi.chat.outbound.send.MessageSender;
import pe.xofi.chat.outbound.send.RetryAfter;
import pe.xofi.chat.outbound.send.SentReceipt;
import pe.xofi.chat.outbound.send.TransientSendFailure;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

/**
 * Sends replies with WHAPI: buttons and lists with {@code POST /messages/interactive} when interactive
 * messages are on, everything else (and everything when they are off) as its text with {@code POST
 * /messages/text}. A send that cannot reach WHAPI or gets no answer within the timeout is transient.
 */
public class WhapiClient implements MessageSender {

  private final WebClient web;
  private final Duration timeout;
  private final boolean interactive;
  private final Clock clock;

  /** {@code web} already carries WHAPI's base URL and the bearer token; text only. */
  public WhapiClient(WebClient web, Duration timeout) {
    this(web, timeout, false, Clock.systemUTC());
  }

  /** {@code interactive} turns buttons and lists on; {@code clock} reads HTTP-date {@code Retry-After}s. */
  public WhapiClient(WebClient web, Duration timeout, boolean interactive, Clock clock) {
    this.web = web;
    this.timeout = timeout;
    this.interactive = interactive;
    this.clock = clock;
  }

  @Override
  public Provider provider() {
    return Provider.WHAPI;
  }

  @Override
  public SentReceipt send(OutboundMessage message, Runnable exchangeEnded) {
    OutboundContent content = message.content();
    boolean asInteractive = interactive && WhapiInteractiveRequest.fits(content);
    Object body = !asInteractive ? WhapiTextRequest.of(message) : switch (content) {
      case OutboundContent.Buttons buttons -> WhapiInteractiveRequest.of(message.recipient(), buttons);
      case OutboundContent.ListMenu list -> WhapiInteractiveRequest.of(message.recipient(), list);
      default -> WhapiTextRequest.of(message);
    };
    return web.post()
        .uri(asInteractive ? "/messages/interactive" : "/messages/text")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchangeToMono(response -> response.bodyToMono(String.class)
            .defaultIfEmpty("")
            .map(answer -> WhapiResponses.outcome(response.statusCode().value(),
                RetryAfter.parse(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER), clock)
                    .orElse(null),
                answer)))
        .timeout(timeout)
        .onErrorMap(TimeoutException.class, e -> new TransientSendFailure(
            "WHAPI did not answer within " + timeout, null, "no answer within " + timeout, e))
        .onErrorMap(WebClientRequestException.class, e -> new TransientSendFailure(
            "WHAPI unreachable", null, "WHAPI unreachable: " + rootCause(e), e))
        .doFinally(signal -> exchangeEnded.run())
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
