package pe.xofi.chat.system.chaos;

import java.util.List;
import java.util.Map;

/**
 * The reconciliation of one chaos scenario: what was offered, what the pipeline did with it, and
 * per inbound message id what was lost or done twice.
 */
record ScenarioResult(
    int number,
    String title,
    String faults,
    Load load,
    Counts counts,
    Lost lost,
    Duplicated duplicated,
    Recovery recovery,
    List<String> problems) {

  /**
   * @param offeredPerSecond  the plan's rate
   * @param measuredPerSecond first deliveries per second while members were starting
   * @param messages          distinct inbound message ids
   * @param posts             HTTP posts, re-posts and deliberate copies included
   * @param answers           the ingress's answers by kind (status, {@code refused}, {@code timeout})
   * @param acknowledged      messages answered 200 at least once
   * @param givenUp           messages never answered 200 within the retry budget
   * @param deliveredTwiceOrMore messages delivered several times on purpose (scenario 7)
   */
  record Load(
      double offeredPerSecond, double measuredPerSecond, long seconds, int members, int messages, long posts,
      Map<String, Long> answers, int acknowledged, int givenUp, int deliveredTwiceOrMore) {}

  /** Transitions ({@code MESSAGE_HANDLED}), provider retries dropped, replies and member-database rows. */
  record Counts(
      int handled, int duplicatesDropped, int repliesOnTopic, int repliesAtSandbox, int tickets, int receipts,
      int deadLettered) {}

  /** Acknowledged messages without their transition, reply, delivery, ticket or receipt. */
  record Lost(int transitions, int topicReplies, int sandboxReplies, int tickets, int receipts) {
    int total() {
      return transitions + topicReplies + sandboxReplies + tickets + receipts;
    }
  }

  /** Counts above one per inbound message id (transitions, tickets, receipts) or reply id (topic, sandbox). */
  record Duplicated(int transitions, int topicReplies, int sandboxReplies, int tickets, int receipts, int orderViolations) {}

  /**
   * Times in seconds from the load's start (fault) or from the fault's end (the rest); null when
   * the scenario has no fault.
   *
   * @param restartSeconds how long bringing the process back took until it was ready
   * @param firstReplySeconds fault end → first reply sent for a message that met the fault
   * @param drainedSeconds fault end → last reply sent for a message posted before the fault ended
   */
  record Recovery(
      Double faultStartSecond, Double faultEndSecond, Double restartSeconds, Double firstReplySeconds, Double drainedSeconds) {}
}
