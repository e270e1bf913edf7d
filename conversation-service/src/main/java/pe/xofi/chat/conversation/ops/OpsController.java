package pe.xofi.chat.conversation.ops;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** The support staff's view of a member's conversation: {@code GET /ops/conversations/{phone}}. */
@RestController
class OpsController {

  private static final Resource PAGE = new ClassPathResource("static/ops/index.html");

  private final TranscriptStore transcripts;

  OpsController(TranscriptStore transcripts) {
    this.transcripts = transcripts;
  }

  /** The transcript page; WebFlux serves {@code index.html} only for the root path by itself. */
  @GetMapping(value = {"/ops", "/ops/"}, produces = MediaType.TEXT_HTML_VALUE)
  Resource page() {
    return PAGE;
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
