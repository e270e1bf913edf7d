package pe.xofi.chat.conversation.member;

import java.time.Instant;
import java.util.List;

/**
 * The failed identifications of each known member, across phones and channels, so a DNI can be
 * locked whatever number guesses its birth year. It holds the partner id, the conversation and the
 * provider message id of each failure, never the DNI or the year typed. Implementations block like
 * {@link PartnerDirectory} and throw {@link MemberDataUnavailableException} when the data cannot be
 * read or written.
 */
public interface IdentificationLedger {

  /** The failures of {@code partnerId} at or after {@code since}, oldest first. */
  List<FailedIdentification> failuresSince(long partnerId, Instant since);

  /**
   * Records a failure of {@code partnerId}, idempotent on the conversation and the provider message
   * id (a message processed again after an aborted transaction counts once), and forgets that
   * member's failures before {@code forgetBefore}, which no lock needs any more.
   */
  void recordFailure(long partnerId, String conversationKey, String messageId, Instant at, Instant forgetBefore);

  /** Forgets the failures of {@code partnerId} at or before {@code upTo}: the member identified. */
  void clearFailures(long partnerId, Instant upTo);

  /**
   * One failed identification of a known member.
   *
   * @param conversationKey the conversation it came from, e.g. {@code wa:51987654321}
   * @param messageId       the provider's id of the message that carried it
   * @param at              the message's received-at
   */
  record FailedIdentification(String conversationKey, String messageId, Instant at) {

    /** Whether this is the failure of message {@code messageId} in {@code conversationKey}. */
    public boolean isAttempt(String conversationKey, String messageId) {
      return this.conversationKey.equals(conversationKey) && this.messageId.equals(messageId);
    }
  }
}
