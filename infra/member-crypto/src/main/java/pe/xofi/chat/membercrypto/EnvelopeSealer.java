package pe.xofi.chat.membercrypto;

import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.Sender;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import pe.xofi.chat.schemas.privacy.Sealed;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seals and opens the member data of the pipeline's records: an inbound envelope's provider JSON
 * and sender name (payload {@code {"raw":…,"senderName":…}}, bound to the message id) and a reply's
 * content (bound to the reply id). Routing facts (ids, keys, channel, times) stay in clear so the
 * pipeline routes without opening. Without a key set ({@link #clear()}, the local profile only)
 * nothing is sealed and sealed records stay {@link Unsealed.Locked}.
 */
public final class EnvelopeSealer {

  private static final EnvelopeSealer CLEAR = new EnvelopeSealer(null);

  private final RecordSealer sealer;

  public EnvelopeSealer(RecordSealer sealer) {
    this.sealer = sealer;
  }

  /** A sealer without keys: records pass in clear, sealed ones stay locked. */
  public static EnvelopeSealer clear() {
    return CLEAR;
  }

  /** Whether this sealer seals (it holds the master key set). */
  public boolean seals() {
    return sealer != null;
  }

  /** {@code envelope} with its raw JSON and sender name sealed; an already sealed one unchanged. */
  public InboundEnvelope seal(InboundEnvelope envelope) {
    if (sealer == null || envelope.sealed() != null) {
      return envelope;
    }
    ObjectNode payload = Json.MAPPER.createObjectNode();
    payload.set("raw", envelope.raw());
    payload.put("senderName", envelope.sender() == null ? null : envelope.sender().name());
    Sealed sealed = sealer.seal(envelope.conversationKey(), envelope.messageId(), Json.MAPPER.writeValueAsBytes(payload));
    Sender sender = envelope.sender() == null ? null : new Sender(envelope.sender().id(), null);
    return new InboundEnvelope(envelope.messageId(), envelope.channel(), envelope.provider(), envelope.conversationKey(),
        sender, envelope.receivedAt(), envelope.providerTimestamp(), null, sealed);
  }

  /** {@code envelope} with raw JSON and sender name in clear; an unsealed one as it is. */
  public Unsealed<InboundEnvelope> open(InboundEnvelope envelope) {
    if (envelope.sealed() == null) {
      return new Unsealed.Readable<>(envelope);
    }
    if (sealer == null) {
      return new Unsealed.Locked<>();
    }
    return switch (sealer.open(envelope.conversationKey(), envelope.messageId(), envelope.sealed())) {
      case Opened.Forgotten forgotten -> new Unsealed.Forgotten<>();
      case Opened.Plain plain -> {
        JsonNode payload = Json.MAPPER.readTree(plain.bytes());
        JsonNode name = payload.get("senderName");
        Sender sender = envelope.sender() == null && (name == null || name.isNull())
            ? null
            : new Sender(envelope.sender() == null ? null : envelope.sender().id(), name == null || name.isNull() ? null : name.asString());
        yield new Unsealed.Readable<>(new InboundEnvelope(envelope.messageId(), envelope.channel(), envelope.provider(),
            envelope.conversationKey(), sender, envelope.receivedAt(), envelope.providerTimestamp(), payload.get("raw"), null));
      }
    };
  }

  /** {@code reply} with its content sealed; an already sealed one unchanged. */
  public OutboundMessage seal(OutboundMessage reply) {
    if (sealer == null || reply.sealedContent() != null) {
      return reply;
    }
    Sealed sealed = sealer.seal(reply.conversationKey(), reply.id(), Json.MAPPER.writeValueAsBytes(reply.content()));
    return new OutboundMessage(reply.id(), reply.channel(), reply.provider(), reply.conversationKey(), reply.recipient(),
        null, reply.inReplyTo(), reply.createdAt(), sealed);
  }

  /** {@code reply} with its content in clear; an unsealed one as it is. */
  public Unsealed<OutboundMessage> open(OutboundMessage reply) {
    if (reply.sealedContent() == null) {
      return new Unsealed.Readable<>(reply);
    }
    if (sealer == null) {
      return new Unsealed.Locked<>();
    }
    return switch (sealer.open(reply.conversationKey(), reply.id(), reply.sealedContent())) {
      case Opened.Forgotten forgotten -> new Unsealed.Forgotten<>();
      case Opened.Plain plain -> new Unsealed.Readable<>(new OutboundMessage(reply.id(), reply.channel(), reply.provider(),
          reply.conversationKey(), reply.recipient(), Json.MAPPER.readValue(plain.bytes(), OutboundContent.class),
          reply.inReplyTo(), reply.createdAt(), null));
    };
  }
}
