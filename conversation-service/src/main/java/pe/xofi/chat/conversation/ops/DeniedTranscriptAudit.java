package pe.xofi.chat.conversation.ops;

import java.util.Map;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import pe.xofi.chat.schemas.audit.AuditAction;
import pe.xofi.chat.schemas.audit.AuditOutcome;
import pe.xofi.chat.staffsecurity.StaffAccessDeniedListener;
import reactor.core.publisher.Mono;

/** A logged-in caller refused a transcript (an agent, say) is audited as {@code DENIED} before the 403. */
final class DeniedTranscriptAudit implements StaffAccessDeniedListener {

  private static final PathPattern TRANSCRIPT = PathPatternParser.defaultInstance.parse("/ops/conversations/{phone}");

  private final StaffAudit audit;

  DeniedTranscriptAudit(StaffAudit audit) {
    this.audit = audit;
  }

  @Override
  public Mono<Void> denied(ServerWebExchange exchange, Authentication caller) {
    PathPattern.PathMatchInfo match =
        TRANSCRIPT.matchAndExtract(PathContainer.parsePath(exchange.getRequest().getPath().pathWithinApplication().value()));
    if (match == null) {
      return Mono.empty();
    }
    Map<String, String> variables = match.getUriVariables();
    String channel = exchange.getRequest().getQueryParams().getFirst("channel");
    return Mono.justOrEmpty(OpsController.keyOf(variables.get("phone"), channel == null ? "wa" : channel))
        .flatMap(key -> audit.record(caller, AuditAction.TRANSCRIPT_VIEWED, key, AuditOutcome.DENIED))
        .then();
  }
}
