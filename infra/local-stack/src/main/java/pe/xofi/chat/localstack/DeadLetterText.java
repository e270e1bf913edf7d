package pe.xofi.chat.localstack;

import pe.xofi.chat.membercrypto.EnvelopeSealer;
import pe.xofi.chat.membercrypto.Unsealed;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import pe.xofi.chat.schemas.privacy.CredentialMask;

/**
 * What a member wrote or the bot replied in a dead letter, for an authorised operator ({@code ./xofi
 * dlt list --text}): the record is opened with the member's data key, shown on one line of at most
 * {@value #MAX_TEXT} characters with any DNI and the birth year beside it masked; a forgotten
 * member's record shows {@value #FORGOTTEN}, a sealed one without a key set {@value #SEALED}, one
 * that cannot be read as its topic's value {@value #UNREADABLE}, and the other dead-letter topics carry no member text ({@value #NONE}).
 */
final class DeadLetterText {

  /** Longest text a listing shows. */
  static final int MAX_TEXT = 200;

  static final String FORGOTTEN = "[olvidado]";
  static final String SEALED = "[cifrado]";
  static final String UNREADABLE = "[ilegible]";
  static final String NONE = "";

  private final EnvelopeSealer sealer;

  DeadLetterText(EnvelopeSealer sealer) {
    this.sealer = sealer;
  }

  /** The text of {@code value}, a record of dead-letter topic {@code topic}. */
  String of(String topic, byte[] value) {
    try {
      if (topic.equals(Topics.INBOUND_MESSAGES_DLT.name())) {
        InboundEnvelope envelope = Topics.INBOUND_MESSAGES_DLT.valueSerde().deserializer().deserialize(topic, value);
        return switch (sealer.open(envelope)) {
          case Unsealed.Readable<InboundEnvelope> readable ->
              shown(readable.value().raw() == null ? null : readable.value().raw().toString());
          case Unsealed.Forgotten<InboundEnvelope> forgotten -> FORGOTTEN;
          case Unsealed.Locked<InboundEnvelope> locked -> SEALED;
        };
      }
      if (topic.equals(Topics.OUTBOUND_MESSAGES_DLT.name())) {
        OutboundMessage reply = Topics.OUTBOUND_MESSAGES_DLT.valueSerde().deserializer().deserialize(topic, value);
        return switch (sealer.open(reply)) {
          case Unsealed.Readable<OutboundMessage> readable ->
              shown(readable.value().content() == null ? null : readable.value().content().fallbackText());
          case Unsealed.Forgotten<OutboundMessage> forgotten -> FORGOTTEN;
          case Unsealed.Locked<OutboundMessage> locked -> SEALED;
        };
      }
      return NONE;
    } catch (RuntimeException e) {
      // a poison record is why it was dead-lettered: say so, never echo its bytes
      return UNREADABLE;
    }
  }

  private static String shown(String text) {
    if (text == null) {
      return NONE;
    }
    String line = CredentialMask.mask(text).replaceAll("\\s+", " ").strip();
    return line.length() <= MAX_TEXT ? line : line.substring(0, MAX_TEXT - 1) + "…";
  }
}
