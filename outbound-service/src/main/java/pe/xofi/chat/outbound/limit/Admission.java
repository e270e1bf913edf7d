package pe.xofi.chat.outbound.limit;

/**
 * What the {@link SendLimiter} answers for one reply: send it now ({@link SendPermit}, to be closed
 * when the exchange is over) or wait ({@link TokenWait}).
 */
public sealed interface Admission permits SendPermit, TokenWait {}
