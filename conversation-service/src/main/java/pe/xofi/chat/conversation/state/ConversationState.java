package pe.xofi.chat.conversation.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.InputLimits;

/**
 * What the engine remembers about one conversation between two messages. A provider retry of a
 * message id among the last {@value #RECENT_MESSAGE_IDS} handled is a duplicate. Every change is a
 * new record; fields added after the first release read as null from older state JSON.
 *
 * @param channel            the channel of the conversation
 * @param lastActivityAt     received-at of the last member message handled (ignored notices and echoes
 *                           do not count), null before the first
 * @param recentMessageIds   provider message ids handled most recently, oldest first
 * @param partnerId          the identified member, null without a session
 * @param authenticatedAt    when the session started, null without a session
 * @param failedAuthAttempts received-at of the failed identifications of the last day, oldest first
 * @param lockedUntil        identification is refused before this instant, null when not locked
 * @param pendingForm        the form in progress, null when none
 */
public record ConversationState(
    Channel channel,
    Instant lastActivityAt,
    List<String> recentMessageIds,
    Long partnerId,
    Instant authenticatedAt,
    List<Instant> failedAuthAttempts,
    Instant lockedUntil,
    PendingForm pendingForm) {

  /** How many handled message ids a conversation remembers for dedupe. */
  public static final int RECENT_MESSAGE_IDS = 64;

  public ConversationState {
    recentMessageIds = recentMessageIds == null ? List.of() : bounded(recentMessageIds);
    failedAuthAttempts = failedAuthAttempts == null ? List.of() : List.copyOf(failedAuthAttempts);
  }

  /**
   * The last {@value #RECENT_MESSAGE_IDS} of {@code ids}, each within {@link InputLimits#MESSAGE_ID}:
   * state written before ids were capped may hold longer ones, and a state that grows past Kafka's
   * record limit can never be written again (security review H5).
   */
  private static List<String> bounded(List<String> ids) {
    List<String> recent =
        ids.size() > RECENT_MESSAGE_IDS ? ids.subList(ids.size() - RECENT_MESSAGE_IDS, ids.size()) : ids;
    return List.copyOf(recent.stream().map(InputLimits::messageId).toList());
  }

  /** A conversation without session, lock or form. */
  public ConversationState(Channel channel, Instant lastActivityAt, List<String> recentMessageIds) {
    this(channel, lastActivityAt, recentMessageIds, null, null, List.of(), null, null);
  }

  /** The state of a conversation that has not handled any message yet. */
  public static ConversationState start(Channel channel) {
    return new ConversationState(channel, null, List.of());
  }

  /** Whether {@code messageId} was handled recently, so this copy is a provider retry. */
  public boolean hasHandled(String messageId) {
    return recentMessageIds.contains(messageId);
  }

  /** Whether a member is identified in this conversation. */
  public boolean hasSession() {
    return partnerId != null;
  }

  /** The state after handling {@code messageId} at {@code at}, forgetting the oldest id if full. */
  public ConversationState afterHandling(String messageId, Instant at) {
    List<String> ids = new ArrayList<>(recentMessageIds);
    ids.add(messageId);
    int excess = ids.size() - RECENT_MESSAGE_IDS;
    List<String> kept = excess > 0 ? ids.subList(excess, ids.size()) : ids;
    return new ConversationState(
        channel, at, kept, partnerId, authenticatedAt, failedAuthAttempts, lockedUntil, pendingForm);
  }

  /**
   * The state after ignoring {@code messageId} (an echo, a provider notice): remembered for dedupe,
   * but it is no member activity, so the session's idle clock does not move.
   */
  public ConversationState afterIgnoring(String messageId) {
    return afterHandling(messageId, lastActivityAt);
  }

  /** This state with a session of {@code partner} opened at {@code at}, failures forgotten. */
  public ConversationState withSession(long partner, Instant at) {
    return new ConversationState(
        channel, lastActivityAt, recentMessageIds, partner, at, List.of(), null, pendingForm);
  }

  /** This state without session and without the form, which needed the session. */
  public ConversationState withoutSession() {
    return new ConversationState(
        channel, lastActivityAt, recentMessageIds, null, null, failedAuthAttempts, lockedUntil, null);
  }

  /** This state with {@code attempts} as the recent failed identifications and the lock given. */
  public ConversationState withAuthFailures(List<Instant> attempts, Instant lockUntil) {
    return new ConversationState(
        channel, lastActivityAt, recentMessageIds, partnerId, authenticatedAt, attempts, lockUntil, pendingForm);
  }

  /** This state with {@code form} in progress, or none when null. */
  public ConversationState withForm(PendingForm form) {
    return new ConversationState(
        channel, lastActivityAt, recentMessageIds, partnerId, authenticatedAt, failedAuthAttempts, lockedUntil, form);
  }
}
