package pe.xofi.chat.sandbox.chat;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lets tests and the chat page read what the bot sent and what members wrote, in arrival order. */
@RestController
@RequestMapping("/sandbox")
class OutboxController {

  private final ChatLog log;

  OutboxController(ChatLog log) {
    this.log = log;
  }

  /** What the bot sent, to one chat ({@code ?chat=51987654321}) or to everyone. */
  @GetMapping("/outbox")
  List<SandboxMessage> outbox(@RequestParam(required = false) String chat) {
    return log.list(Direction.OUTBOUND, digitsOrNull(chat));
  }

  /** Both sides of one chat, as the chat page shows it. */
  @GetMapping("/conversation")
  List<SandboxMessage> conversation(@RequestParam String chat) {
    return log.list(null, digitsOrNull(chat));
  }

  /** Forgets the messages of one chat, or everything, in both directions. */
  @DeleteMapping("/outbox")
  ResponseEntity<Void> clear(@RequestParam(required = false) String chat) {
    log.clear(digitsOrNull(chat));
    return ResponseEntity.noContent().build();
  }

  private static String digitsOrNull(String chat) {
    return chat == null || chat.isBlank() ? null : SandboxMessage.chatOf(chat);
  }
}
