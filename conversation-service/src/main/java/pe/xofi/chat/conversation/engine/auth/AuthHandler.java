package pe.xofi.chat.conversation.engine.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import pe.xofi.chat.conversation.engine.Menus;
import pe.xofi.chat.conversation.engine.Turn;
import pe.xofi.chat.conversation.engine.auth.AuthAlert.DniLocked;
import pe.xofi.chat.conversation.engine.auth.AuthAlert.DniTriedFromSeveralNumbers;
import pe.xofi.chat.conversation.engine.auth.AuthAlert.UnregisteredPhone;
import pe.xofi.chat.conversation.member.IdentificationLedger;
import pe.xofi.chat.conversation.member.IdentificationLedger.FailedIdentification;
import pe.xofi.chat.conversation.member.Partner;
import pe.xofi.chat.conversation.member.PartnerDirectory;
import pe.xofi.chat.conversation.member.PartnerStatus;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.schemas.events.ConversationEventType;
import pe.xofi.chat.schemas.inbound.Channel;

/**
 * Identification and sessions. Failures count per conversation ({@link LockLadder#PHONE}) and, for
 * a DNI that exists, per member across all numbers ({@link LockLadder#forDni}); an unknown DNI, a
 * wrong year, a locked DNI and an inactive member get the same answer. A success forgets only the
 * failures of its own conversation and its own DNI. A session ends after {@link #SESSION_IDLE}
 * without member messages, after the policy's longest lifetime, or on "salir".
 */
public final class AuthHandler {

  public static final Duration SESSION_IDLE = Duration.ofMinutes(30);

  private final PartnerDirectory partners;
  private final IdentificationLedger ledger;
  private final AuthPolicy policy;
  private final LockLadder dniLadder;

  public AuthHandler(PartnerDirectory partners, IdentificationLedger ledger, AuthPolicy policy) {
    this.partners = partners;
    this.ledger = ledger;
    this.policy = policy;
    this.dniLadder = LockLadder.forDni(policy.dniMaxFailuresPerDay());
  }

  /**
   * Closes a session idle for {@link #SESSION_IDLE} or older than the policy's longest lifetime,
   * and tells the member why.
   */
  public void expireSession(Turn turn) {
    ConversationState state = turn.state();
    if (!state.hasSession()) {
      return;
    }
    if (state.lastActivityAt() != null && !turn.now().isBefore(state.lastActivityAt().plus(SESSION_IDLE))) {
      expire(turn, AuthTexts.SESSION_EXPIRED, "idle");
    } else if (state.authenticatedAt() != null
        && !turn.now().isBefore(state.authenticatedAt().plus(policy.sessionMaxLifetime()))) {
      expire(turn, AuthTexts.sessionLifetimeOver(policy.sessionMaxLifetime()), "max_lifetime");
    }
  }

  private static void expire(Turn turn, String text, String reason) {
    turn.update(turn.state().withoutSession());
    turn.say(text);
    turn.record(ConversationEventType.SESSION_EXPIRED, Map.of("reason", reason));
  }

  /** Identifies the member by the DNI and birth year in {@code text}. */
  public void authenticate(Turn turn, String text) {
    ConversationState state = turn.state();
    if (state.lockedUntil() != null && turn.now().isBefore(state.lockedUntil())) {
      turn.say(AuthTexts.locked(state.lockedUntil()));
      return;
    }
    Optional<Credentials> credentials = Credentials.parse(text);
    if (credentials.isEmpty()) {
      turn.say(AuthTexts.AUTH_FORMAT);
      return;
    }
    Optional<Partner> partner = partners.findByDni(credentials.get().dni());
    if (bound(turn) && policy.phoneBinding() == PhoneBinding.REQUIRE
        && !partner.map(member -> fromRegisteredPhone(turn, member)).orElse(false)) {
      // the year is not even compared: a number that can never succeed learns nothing and locks no member
      partner.ifPresent(member -> turn.alert(new UnregisteredPhone(member.id(), PhoneBinding.REQUIRE)));
      failInConversation(turn, AuthTexts.UNREGISTERED_PHONE);
      return;
    }
    if (partner.isEmpty()) {
      // an unknown DNI counts only here, so no counter tells which DNIs exist
      failInConversation(turn, AuthTexts.AUTH_FAILED);
      return;
    }
    identify(turn, partner.get(), credentials.get().birthYear());
  }

  private void identify(Turn turn, Partner partner, int birthYear) {
    List<FailedIdentification> failures = priorFailures(turn, partner);
    alertOnAnotherConversation(turn, partner, failures);
    List<Instant> failureTimes = new ArrayList<>(failures.stream().map(FailedIdentification::at).toList());
    Instant lockedUntil = dniLadder.lockedUntil(failureTimes);
    if (lockedUntil != null && turn.now().isBefore(lockedUntil)) {
      // answered as a wrong year, so the lock does not tell that the DNI exists; not counted again,
      // so attempts during the lock do not make it longer
      failInConversation(turn, AuthTexts.AUTH_FAILED);
      return;
    }
    // an inactive member is refused whatever the year, and that counts like a wrong year
    if (partner.status() != PartnerStatus.ACTIVE || partner.birthDate().getYear() != birthYear) {
      failForMember(turn, partner, failureTimes);
      failInConversation(turn, AuthTexts.AUTH_FAILED);
      return;
    }
    if (!failures.isEmpty()) {
      ledger.clearFailures(partner.id(), turn.now());
    }
    if (bound(turn) && policy.phoneBinding() == PhoneBinding.WARN && !fromRegisteredPhone(turn, partner)) {
      turn.alert(new UnregisteredPhone(partner.id(), PhoneBinding.WARN));
    }
    turn.update(turn.state().withSession(partner.id(), turn.now()));
    turn.say(Menus.list(AuthTexts.welcome(partner.firstName())));
    turn.record(ConversationEventType.AUTHENTICATED, Map.of("partnerId", Long.toString(partner.id())));
  }

  /**
   * The member's failures that can still lock, without this message's own: a message processed
   * again after an aborted transaction finds the failure it recorded, and must decide as it did.
   */
  private List<FailedIdentification> priorFailures(Turn turn, Partner partner) {
    String conversation = turn.origin().key().toString();
    String messageId = turn.origin().messageId();
    return ledger.failuresSince(partner.id(), turn.now().minus(dniLadder.horizon())).stream()
        .filter(failure -> !failure.isAttempt(conversation, messageId))
        .toList();
  }

  private static void alertOnAnotherConversation(Turn turn, Partner partner, List<FailedIdentification> failures) {
    Instant windowStart = turn.now().minus(LockLadder.WINDOW);
    Set<String> conversations = new TreeSet<>();
    for (FailedIdentification failure : failures) {
      if (failure.at().isAfter(windowStart)) {
        conversations.add(failure.conversationKey());
      }
    }
    if (!conversations.isEmpty() && !conversations.contains(turn.origin().key().toString())) {
      turn.alert(new DniTriedFromSeveralNumbers(partner.id(), conversations.size() + 1));
    }
  }

  private void failForMember(Turn turn, Partner partner, List<Instant> priorFailures) {
    ledger.recordFailure(
        partner.id(),
        turn.origin().key().toString(),
        turn.origin().messageId(),
        turn.now(),
        turn.now().minus(dniLadder.horizon()));
    List<Instant> failures = new ArrayList<>(priorFailures);
    failures.add(turn.now());
    Instant until = dniLadder.lockedUntil(failures);
    if (until != null && turn.now().isBefore(until)) {
      Instant windowStart = turn.now().minus(LockLadder.WINDOW);
      int inWindow = (int) failures.stream().filter(at -> at.isAfter(windowStart)).count();
      turn.alert(new DniLocked(partner.id(), until, inWindow));
    }
  }

  private static void failInConversation(Turn turn, String refusal) {
    ConversationState state = turn.state();
    Instant windowStart = turn.now().minus(LockLadder.WINDOW);
    List<Instant> recent = new ArrayList<>();
    for (Instant attempt : state.failedAuthAttempts()) {
      if (attempt.isAfter(windowStart)) {
        recent.add(attempt);
      }
    }
    recent.add(turn.now());
    turn.record(ConversationEventType.AUTH_FAILED, Map.of("attempts", Integer.toString(recent.size())));
    Optional<Duration> lock = LockLadder.PHONE.lockAfter(recent.size());
    if (lock.isPresent()) {
      Instant until = turn.now().plus(lock.get());
      turn.update(state.withAuthFailures(recent, until));
      turn.say(AuthTexts.locked(until));
      turn.record(ConversationEventType.LOCKED, Map.of("lockedUntil", until.toString()));
    } else {
      turn.update(state.withAuthFailures(recent, null));
      turn.say(refusal);
    }
  }

  /** Whether the phone binding applies: WhatsApp conversations have a phone, Telegram ones do not. */
  private static boolean bound(Turn turn) {
    return turn.origin().key().channel() == Channel.WHATSAPP;
  }

  private static boolean fromRegisteredPhone(Turn turn, Partner partner) {
    return partner.phone() != null
        && partner.phone().replaceAll("[^0-9]", "").equals(turn.origin().key().id());
  }

  /** Closes the session on "salir". */
  public void logout(Turn turn) {
    if (turn.state().hasSession()) {
      turn.update(turn.state().withoutSession());
      turn.say(AuthTexts.LOGGED_OUT);
    } else {
      turn.say(AuthTexts.NO_SESSION);
    }
  }

  /**
   * The member of the session, or empty after telling them how to identify; a session whose member
   * no longer exists or is no longer active is closed.
   */
  public Optional<Partner> sessionPartner(Turn turn) {
    ConversationState state = turn.state();
    if (!state.hasSession()) {
      turn.say(AuthTexts.AUTH_REQUIRED);
      return Optional.empty();
    }
    Optional<Partner> partner =
        partners.findById(state.partnerId()).filter(member -> member.status() == PartnerStatus.ACTIVE);
    if (partner.isEmpty()) {
      turn.update(state.withoutSession());
      turn.say(AuthTexts.AUTH_REQUIRED);
    }
    return partner;
  }
}
