package pe.xofi.chat.conversation.replay;

import pe.xofi.chat.schemas.inbound.InboundEnvelope;

/**
 * One record of the conversation read back from {@code inbound-messages}.
 *
 * @param offset    its offset in the partition
 * @param timestamp its record timestamp (epoch ms), the engine's "now" when the envelope lacks received-at
 * @param envelope  the envelope
 */
public record LoggedInbound(long offset, long timestamp, InboundEnvelope envelope) {}
