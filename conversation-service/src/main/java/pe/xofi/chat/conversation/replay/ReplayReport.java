package pe.xofi.chat.conversation.replay;

import java.time.Instant;
import java.util.List;

/**
 * The transcript of a replay: which conversation and slice of the log, every message with its
 * replies, and the totals an operator or a script checks first.
 *
 * @param conversationKey the conversation ({@code wa:51987654321})
 * @param topic           the topic read ({@code inbound-messages})
 * @param partition       the partition of the key
 * @param from            start of the range, null for the beginning of the retained log
 * @param to              end of the range, null for the end of the log when the replay started
 * @param compared        whether the replies were compared with {@code outbound-messages}
 * @param messages        the replayed messages, in log order
 * @param unreadable      records of the key that could not be read as envelopes (skipped, as live)
 * @param replies         replies the replay produced
 * @param differences     reply lines that differ from what was produced (0 when not compared)
 */
public record ReplayReport(
    String conversationKey,
    String topic,
    int partition,
    Instant from,
    Instant to,
    boolean compared,
    List<ReplayedMessage> messages,
    int unreadable,
    int replies,
    int differences) {

  public ReplayReport {
    messages = List.copyOf(messages);
  }
}
