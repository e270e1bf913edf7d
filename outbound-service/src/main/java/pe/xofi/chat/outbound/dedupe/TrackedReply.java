package pe.xofi.chat.outbound.dedupe;

import java.time.Instant;

/**
 * A sent reply with the provider statuses already reported for it.
 *
 * @param reply       the sent reply
 * @param deliveredAt the first delivered (or read) report, if any
 * @param readAt      the first read report, if any
 * @param failedAt    the first failed report, if any
 */
public record TrackedReply(SentReply reply, Instant deliveredAt, Instant readAt, Instant failedAt) {}
