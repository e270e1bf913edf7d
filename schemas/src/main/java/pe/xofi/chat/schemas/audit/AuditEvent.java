package pe.xofi.chat.schemas.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One access of a staff member to a member's data, kept for the regulator: who, when, what, which
 * conversation and with what outcome. Keyed by the conversation key, so one member's accesses are
 * in order on one partition.
 *
 * @param id              unique id of this record (a UUID)
 * @param occurredAt      when the access was answered
 * @param actor           the staff login name (or the OIDC subject)
 * @param actorRoles      the actor's staff roles at that time ({@code operator}, {@code agent})
 * @param action          what was asked
 * @param conversationKey the member's conversation ({@code wa:51987654321}), also the record key
 * @param outcome         what the actor got
 */
public record AuditEvent(
    String id,
    Instant occurredAt,
    String actor,
    List<String> actorRoles,
    AuditAction action,
    String conversationKey,
    AuditOutcome outcome) {

  public AuditEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(conversationKey, "conversationKey");
    Objects.requireNonNull(outcome, "outcome");
    actorRoles = actorRoles == null ? List.of() : List.copyOf(actorRoles);
  }
}
