package pe.xofi.chat.conversation.engine.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pe.xofi.chat.conversation.engine.Menus;
import pe.xofi.chat.conversation.engine.Turn;
import pe.xofi.chat.conversation.member.Partner;
import pe.xofi.chat.conversation.member.PartnerDirectory;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.schemas.events.ConversationEventType;

/**
 * Identification and sessions: {@value #MAX_FAILURES} failed identifications within 15 minutes lock
 * identification for 15 minutes; a session ends after 30 minutes without messages or on "salir".
 */
public final class AuthHandler {

  /** Failed identifications within {@link #FAILURE_WINDOW} that lock the conversation. */
  public static final int MAX_FAILURES = 5;

  public static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
  public static final Duration LOCK = Duration.ofMinutes(15);
  public static final Duration SESSION_IDLE = Duration.ofMinutes(30);

  private final PartnerDirectory partners;

  public AuthHandler(PartnerDirectory partners) {
    this.partners = partners;
  }

  /** Closes a session idle for {@link #SESSION_IDLE} or more, and tells the member so. */
  public void expireIdleSession(Turn turn) {
    ConversationState state = turn.state();
    if (state.hasSession()
        && state.lastActivityAt() != null
        && !turn.now().isBefore(state.lastActivityAt().plus(SESSION_IDLE))) {
      turn.update(state.withoutSession());
      turn.say(AuthTexts.SESSION_EXPIRED);
      turn.record(ConversationEventType.SESSION_EXPIRED, Map.of());
    }
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
    Optional<Partner> partner =
        partners.findByDniAndBirthYear(credentials.get().dni(), credentials.get().birthYear());
    if (partner.isPresent()) {
      turn.update(state.withSession(partner.get().id(), turn.now()));
      turn.say(Menus.list(AuthTexts.welcome(partner.get().firstName())));
      turn.record(
          ConversationEventType.AUTHENTICATED, Map.of("partnerId", Long.toString(partner.get().id())));
    } else {
      fail(turn, state);
    }
  }

  private static void fail(Turn turn, ConversationState state) {
    Instant windowStart = turn.now().minus(FAILURE_WINDOW);
    List<Instant> recent = new ArrayList<>();
    for (Instant attempt : state.failedAuthAttempts()) {
      if (attempt.isAfter(windowStart)) {
        recent.add(attempt);
      }
    }
    recent.add(turn.now());
    turn.record(ConversationEventType.AUTH_FAILED, Map.of("attempts", Integer.toString(recent.size())));
    if (recent.size() >= MAX_FAILURES) {
      Instant until = turn.now().plus(LOCK);
      turn.update(state.withAuthFailures(List.of(), until));
      turn.say(AuthTexts.locked(until));
      turn.record(ConversationEventType.LOCKED, Map.of("lockedUntil", until.toString()));
    } else {
      turn.update(state.withAuthFailures(recent, null));
      turn.say(AuthTexts.AUTH_FAILED);
    }
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
   * no longer exists is closed.
   */
  public Optional<Partner> sessionPartner(Turn turn) {
    ConversationState state = turn.state();
    if (!state.hasSession()) {
      turn.say(AuthTexts.AUTH_REQUIRED);
      return Optional.empty();
    }
    Optional<Partner> partner = partners.findById(state.partnerId());
    if (partner.isEmpty()) {
      turn.update(state.withoutSession());
      turn.say(AuthTexts.AUTH_REQUIRED);
    }
    return partner;
  }
}
