package pe.xofi.chat.conversation.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.audit.AuditAction;
import pe.xofi.chat.schemas.audit.AuditEvent;
import pe.xofi.chat.schemas.audit.AuditOutcome;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.staffsecurity.StaffRole;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Records a staff member's access to a member's conversation on {@code audit-events} and completes
 * only once Kafka acknowledged it ({@code acks=all}) within the timeout: no audit, no data.
 */
public class StaffAudit {

  private static final Logger log = LoggerFactory.getLogger(StaffAudit.class);

  private final KafkaTemplate<String, AuditEvent> template;
  private final Clock clock;
  private final Duration timeout;

  public StaffAudit(KafkaTemplate<String, AuditEvent> template, Clock clock, Duration timeout) {
    this.template = template;
    this.clock = clock;
    this.timeout = timeout;
  }

  /** Records that {@code actor} did {@code action} on {@code key} with {@code outcome}; fails with {@link AuditUnavailableException}. */
  public Mono<AuditEvent> record(Authentication actor, AuditAction action, ConversationKey key, AuditOutcome outcome) {
    return Mono.defer(() -> {
      AuditEvent event = new AuditEvent(
          UUID.randomUUID().toString(), clock.instant(), actor.getName(), roles(actor), action, key.toString(), outcome);
      ProducerRecord<String, AuditEvent> record = new ProducerRecord<>(Topics.AUDIT_EVENTS.name(), event.conversationKey(), event);
      XofiHeaders.stamp(record.headers(), Topics.AUDIT_EVENTS, XofiHeaders.newTraceId());
      // send() blocks while the producer has no metadata, which must not happen on a Netty thread
      return Mono.fromFuture(() -> template.send(record), true)
          .subscribeOn(Schedulers.boundedElastic())
          .timeout(timeout)
          .thenReturn(event)
          .onErrorMap(e -> !(e instanceof AuditUnavailableException), e -> {
            log.warn("audit record of {} {} on {} not acknowledged: {}", action, outcome, key.masked(),
                e instanceof TimeoutException ? "no ack within " + timeout.toMillis() + " ms" : e.getClass().getName());
            return new AuditUnavailableException(e);
          });
    });
  }

  /** The actor's staff roles ({@code operator}, {@code agent}); other authorities (OIDC scopes) are not roles. */
  static List<String> roles(Authentication actor) {
    return actor.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(authority -> authority.startsWith("ROLE_"))
        .flatMap(authority -> StaffRole.named(authority).stream())
        .distinct()
        .sorted()
        .map(StaffRole::label)
        .toList();
  }

  /** Kafka did not acknowledge the audit record: the data is not served (503). */
  public static final class AuditUnavailableException extends RuntimeException {
    AuditUnavailableException(Throwable cause) {
      super("audit record not acknowledged", cause);
    }
  }
}
