package pe.xofi.chat.sandbox.receipt;

/**
 * One accepted send.
 *
 * @param seq  its number in arrival order (from 0, never reused)
 * @param id   the provider message id the sandbox answered with
 * @param chat the recipient's phone digits or chat id
 * @param at   when it arrived, epoch milliseconds
 */
public record SendReceipt(long seq, String id, String chat, long at) {}
