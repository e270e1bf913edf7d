package pe.xofi.chat.conversation.ops;

import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import pe.xofi.chat.schemas.audit.AuditAction;
import pe.xofi.chat.schemas.audit.AuditOutcome;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import reactor.core.publisher.Mono;

/**
 * The support staff's view of a member's conversation, {@code GET /ops/conversations/{phone}}, for
 * logged-in operators only (staff-security); every view is audited before it is answered.
 */
@RestController
class OpsController {

  private static final Resource PAGE = new ClassPathResource("static/ops/index.html");

  private final TranscriptStore transcripts;
  private final StaffAudit audit;

  OpsController(TranscriptStore transcripts, StaffAudit audit) {
    this.transcripts = transcripts;
    this.audit = audit;
  }

  /** The transcript page; WebFlux serves {@code index.html} only for the root path by itself. */
  @GetMapping(value = {"/ops", "/ops/"}, produces = MediaType.TEXT_HTML_VALUE)
  Resource page() {
    return PAGE;
  }

  /** Who is logged in, for the page's header. */
  @GetMapping("/ops/me")
  StaffMember me(Authentication staff) {
    return new StaffMember(staff.getName(), StaffAudit.roles(staff));
  }

  /**
   * The transcript and state of the conversation of {@code phone} on {@code channel} ({@code wa} or
   * {@code tg}): found or not, the view is recorded on {@code audit-events} first, and without the
   * broker's acknowledgement nothing is answered but 503.
   */
  @GetMapping("/ops/conversations/{phone}")
  Mono<ConversationTranscript> conversation(
      @PathVariable String phone, @RequestParam(defaultValue = "wa") String channel, Authentication staff) {
    ConversationKey key = keyOf(phone, channel)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "phone is digits, channel is wa or tg"));
    return transcripts
        .transcript(key.toString())
        .filter(t -> t.state() != null || !t.lines().isEmpty())
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(found -> audit.record(staff, AuditAction.TRANSCRIPT_VIEWED, key,
                found.isPresent() ? AuditOutcome.FOUND : AuditOutcome.NOT_FOUND)
            .onErrorMap(StaffAudit.AuditUnavailableException.class,
                e -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "audit unavailable, try again"))
            .then(Mono.justOrEmpty(found)))
        .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no conversation")));
  }

  /** The conversation key of a phone (or Telegram chat id) as the page sends it, if it is one. */
  static Optional<ConversationKey> keyOf(String phone, String channel) {
    try {
      return Optional.of(TranscriptProjector.key(channel, phone.replaceAll("[\\s+]", "")));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** @param name the login name, @param roles its staff roles */
  record StaffMember(String name, List<String> roles) {}
}
