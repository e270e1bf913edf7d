package pe.xofi.chat.outbound.provider.telegram;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import pe.xofi.chat.outbound.media.MediaFailure;
import pe.xofi.chat.outbound.send.MessageSender;
import pe.xofi.chat.outbound.send.SentReceipt;
import pe.xofi.chat.outbound.send.TransientSendFailure;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.inbound.TelegramMessageId;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import reactor.core.publisher.Mono;

/**
 * Sends replies with the Bot API's {@code sendMessage} (inline keyboards for buttons and lists). The
 * first reply to a button tap first answers its callback query, so the member's spinner stops; that
 * answer is best effort, since the reply itself is what matters.
 */
public class TelegramClient implements MessageSender {

  private static final Logger log = LoggerFactory.getLogger(TelegramClient.class);

  private final WebClient web;
  private final String botPath;
  private final Duration timeout;

  /** {@code web} already carries the Bot API base URL. */
  public TelegramClient(WebClient web, String token, Duration timeout) {
    this.web = web;
    this.botPath = "/bot" + (token == null ? "" : token);
    this.timeout = timeout;
  }

  @Override
  public Provider provider() {
    return Provider.TELEGRAM;
  }

  @Override
  public SentReceipt send(OutboundMessage message, Runnable exchangeEnded) {
    callbackToAnswer(message).ifPresent(this::answerCallbackQuery);
    return web.post()
        .uri(botPath + "/sendMessage")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TelegramSendMessage.of(message))
        .exchangeToMono(response -> response.bodyToMono(String.class)
            .defaultIfEmpty("")
            .map(body -> TelegramResponses.outcome(response.statusCode().value(), body)))
        .timeout(timeout)
        .onErrorMap(TimeoutException.class, e -> new TransientSendFailure(
            "Telegram did not answer within " + timeout, null, "no answer within " + timeout, e))
        .onErrorMap(WebClientRequestException.class, e -> new TransientSendFailure(
            "Telegram unreachable", null, "Telegram unreachable: " + MediaFailure.rootCause(e), e))
        .doFinally(signal -> exchangeEnded.run())
        .block();
  }

  /** Only the first reply answers: a query can be answered once. */
  static Optional<String> callbackToAnswer(OutboundMessage message) {
    return message.id().endsWith("#1") ? TelegramMessageId.callbackQueryId(message.inReplyTo()) : Optional.empty();
  }

  private void answerCallbackQuery(String callbackQueryId) {
    try {
      web.post()
          .uri(botPath + "/answerCallbackQuery")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Json.MAPPER.createObjectNode().put("callback_query_id", callbackQueryId))
          .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
          .timeout(timeout)
          .onErrorResume(e -> Mono.just(-1))
          .filter(status -> status != 200)
          .doOnNext(status -> log.info("answerCallbackQuery answered {}; sending the reply anyway", status))
          .block();
    } catch (RuntimeException e) {
      log.info("answerCallbackQuery failed ({}); sending the reply anyway", e.getClass().getSimpleName());
    }
  }
}
