package pe.xofi.chat.sandbox.whapi;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import pe.xofi.chat.sandbox.chat.ChatLog;
import pe.xofi.chat.sandbox.chat.Direction;
import pe.xofi.chat.sandbox.chat.SandboxMessage;
import pe.xofi.chat.sandbox.fault.SendFault;
import pe.xofi.chat.sandbox.fault.SendFaults;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * WHAPI's send endpoints: a valid send is answered 201 with a pending {@code SentMessage} and kept
 * in the outbox, in arrival order.
 */
@RestController
class MessagesController {

  private static final String WHATSAPP_SUFFIX = "@s.whatsapp.net";

  private final ChatLog log;
  private final SendFaults faults;
  private final Clock clock;

  MessagesController(ChatLog log, SendFaults faults, Clock clock) {
    this.log = log;
    this.faults = faults;
    this.clock = clock;
  }

  @PostMapping("/messages/text")
  Mono<ResponseEntity<Object>> text(@RequestBody(required = false) JsonNode request) {
    return send(
        "text",
        request,
        SendRequests.problemWithText(request),
        () -> request.path("body").asString());
  }

  @PostMapping("/messages/interactive")
  Mono<ResponseEntity<Object>> interactive(@RequestBody(required = false) JsonNode request) {
    return send(
        "interactive",
        request,
        SendRequests.problemWithInteractive(request),
        () -> request.path("body").path("text").asString(""));
  }

  private Mono<ResponseEntity<Object>> send(
      String type, JsonNode request, Optional<String> problem, Supplier<String> text) {
    if (problem.isPresent()) {
      return Mono.just(ResponseEntity.badRequest().body(WhapiError.of(HttpStatus.BAD_REQUEST, problem.get())));
    }
    Optional<SendFault> fault = faults.faultFor(type, request);
    if (fault.isPresent()) {
      return answer(fault.get());
    }
    return Mono.just(accept(type, request, text));
  }

  /** A faulty answer, held back by the fault's delay (how a timeout is faked) without blocking a thread. */
  private static Mono<ResponseEntity<Object>> answer(SendFault fault) {
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(fault.error().status());
    if (fault.retryAfter() != null) {
      answer.header(HttpHeaders.RETRY_AFTER, fault.retryAfter().toString());
    }
    Mono<ResponseEntity<Object>> response = Mono.just(answer.body(fault.error()));
    return fault.delay().isZero() ? response : response.delayElement(fault.delay());
  }

  private ResponseEntity<Object> accept(String type, JsonNode request, Supplier<String> text) {
    String to = request.path("to").asString();
    String chat = SandboxMessage.chatOf(to);
    String chatId = to.contains("@") ? to : chat + WHATSAPP_SUFFIX;
    String id = WhapiIds.sent();
    long timestamp = clock.instant().getEpochSecond();
    String body = text.get();
    log.record(new SandboxMessage(id, Direction.OUTBOUND, chat, to, type, body, timestamp, request));
    SentMessage.Message message =
        "text".equals(type)
            ? new SentMessage.Message(id, true, type, chatId, timestamp, "pending", new SentMessage.Text(body), null)
            : new SentMessage.Message(id, true, type, chatId, timestamp, "pending", null, interactiveOf(request));
    return ResponseEntity.status(HttpStatus.CREATED).body(new SentMessage(true, message));
  }

  /** WHAPI echoes the interactive content without the addressing fields. */
  private static JsonNode interactiveOf(JsonNode request) {
    ObjectNode content = ((ObjectNode) request).deepCopy();
    content.remove("to");
    return content;
  }
}
