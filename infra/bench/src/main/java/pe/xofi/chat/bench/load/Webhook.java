package pe.xofi.chat.bench.load;

/**
 * One WHAPI webhook of a run.
 *
 * @param index     its number in the run (from 0)
 * @param messageId the WHAPI message id it carries (replies are {@code <messageId>#<n>})
 * @param phone     the sender's phone digits
 * @param text      what the member wrote
 * @param body      the JSON body to post
 */
public record Webhook(long index, String messageId, String phone, String text, byte[] body) {}
