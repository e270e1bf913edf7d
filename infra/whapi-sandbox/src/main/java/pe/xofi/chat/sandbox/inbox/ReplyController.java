package pe.xofi.chat.sandbox.inbox;

import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import pe.xofi.chat.sandbox.chat.ChatLog;
import pe.xofi.chat.sandbox.chat.Direction;
import pe.xofi.chat.sandbox.chat.SandboxMessage;
import pe.xofi.chat.sandbox.whapi.WhapiError;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A member taps a button or list row: the tap joins the chat log as the choice's title, then goes to
 * the ingress as the {@code reply} webhook WHAPI would post; the caller gets the webhook and the
 * ingress's answer, with the ingress's status (502 when the ingress is unreachable).
 */
@RestController
class ReplyController {

  private final WebhookFactory webhooks;
  private final IngressClient ingress;
  private final ChatLog log;
  private final JsonMapper json;

  ReplyController(WebhookFactory webhooks, IngressClient ingress, ChatLog log, JsonMapper json) {
    this.webhooks = webhooks;
    this.ingress = ingress;
    this.log = log;
    this.json = json;
  }

  @PostMapping("/sandbox/inbox/reply")
  Mono<ResponseEntity<Object>> reply(@RequestBody ReplyRequest request) {
    Optional<String> problem = request.problem();
    if (problem.isPresent()) {
      return Mono.just(ResponseEntity.badRequest().body(WhapiError.of(HttpStatus.BAD_REQUEST, problem.get())));
    }
    WhapiWebhook webhook = webhooks.replyFrom(request);
    WhapiWebhook.Message message = webhook.messages().getFirst();
    // logged before posting: the bot's answer may reach the outbox before the ingress answers
    log.record(new SandboxMessage(message.id(), Direction.INBOUND, message.from(), null, message.type(),
        request.title(), message.timestamp(), json.valueToTree(message)));
    return ingress.post(webhook).map(answer -> ResponseEntity
        .status(answer.status() == null ? HttpStatus.BAD_GATEWAY.value() : answer.status())
        .body(new InboxController.InboxResponse(webhook, answer)));
  }
}
