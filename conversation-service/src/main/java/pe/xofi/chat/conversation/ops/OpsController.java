package pe.xofi.chat.conversation.ops;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** The support staff's view of a member's conversation: {@code GET /ops/conversations/{phone}}. */
@RestController
class OpsController {

  private final TranscriptStore transcripts;

  OpsController(TranscriptStore transcripts) {
    this.transcripts = transcripts;
  }

  /** The transcript and state of the conversation of {@code phone} on {@code channel} ({@code wa} or {@code tg}). */
  @GetMapping("/ops/conversations/{phone}")
  Mono<ConversationTranscript> conversation(@PathVariable String phone, @RequestParam(defaultValue = "wa") String channel) {
    String key;
    try {
      key = TranscriptProjector.key(channel, phone.replaceAll("[\\s+]", "")).toString();
    } catch (RuntimeException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "phone is digits, channel is wa or tg");
    }
    return transcripts
        .transcript(key)
        .filter(t -> t.state() != null || !t.lines().isEmpty())
        .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no conversation")));
  }
}
