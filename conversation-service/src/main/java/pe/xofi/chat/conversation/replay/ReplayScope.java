package pe.xofi.chat.conversation.replay;

import java.time.Instant;

/**
 * The slice of the log a replay covers: one conversation, on the one partition its key hashes to,
 * between two instants.
 *
 * @param conversationKey the conversation key ({@code wa:51987654321})
 * @param topic           the inbound topic's name
 * @param partition       the key's partition
 * @param from            first record timestamp included, null for the beginning of the retained log
 * @param to              first record timestamp excluded, null for the end of the log at the start
 */
public record ReplayScope(String conversationKey, String topic, int partition, Instant from, Instant to) {}
