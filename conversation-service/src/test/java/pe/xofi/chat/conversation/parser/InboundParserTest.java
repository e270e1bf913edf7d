package pe.xofi.chat.conversation.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.WhapiExamples;
import pe.xofi.chat.conversation.message.InboundMessage;
import pe.xofi.chat.conversation.message.InboundMessage.Text;
import pe.xofi.chat.conversation.message.InboundMessage.Unsupported;
import pe.xofi.chat.conversation.message.MessageOrigin;
import pe.xofi.chat.conversation.parser.whapi.WhapiMessageParser;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.Provider;
import tools.jackson.databind.JsonNode;

class InboundParserTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-24T10:15:30.123Z");
  private static final String KEY = "wa:51902376744";

  @Test
  void shouldParseAWhapiEnvelopeWithTheRecordKeyAsConversation() {
    // given
    InboundParser parser = new InboundParser(List.of(new WhapiMessageParser()));
    InboundEnvelope envelope = WhapiExamples.textEnvelope("51902376744", "wamid.1", "Hola", RECEIVED);

    // when
    InboundMessage message = parser.parse(KEY, envelope);

    // then
    assertThat(message)
        .isEqualTo(
            new Text(
                new MessageOrigin(
                    "wamid.1", ConversationKey.whatsapp("51902376744"), Channel.WHATSAPP, Provider.WHAPI),
                "Hola"));
  }

  @Test
  void shouldRemoveNulCharactersThatTheDatabaseCannotStore() {
    // given: "\u0000" in the webhook's JSON is a NUL in the text; PostgreSQL text refuses it
    InboundParser parser = new InboundParser(List.of(new WhapiMessageParser()));
    InboundEnvelope envelope =
        WhapiExamples.textEnvelope("51902376744", "wamid.\u00003", "Pro\u0000blema\u0000", RECEIVED);

    // when
    InboundMessage message = parser.parse(KEY, envelope);

    // then
    assertThat(message)
        .isEqualTo(
            new Text(
                new MessageOrigin(
                    "wamid.3", ConversationKey.whatsapp("51902376744"), Channel.WHATSAPP, Provider.WHAPI),
                "Problema"));
  }

  @Test
  void shouldCallAProviderWithoutParserUnsupported() {
    // given
    InboundParser parser = new InboundParser(List.of(new WhapiMessageParser()));
    InboundEnvelope whapi = WhapiExamples.textEnvelope("51902376744", "wamid.2", "Hola", RECEIVED);
    InboundEnvelope meta =
        new InboundEnvelope(
            whapi.messageId(), Channel.WHATSAPP, Provider.META, KEY, whapi.sender(), RECEIVED, null, whapi.raw());

    // when
    InboundMessage message = parser.parse(KEY, meta);

    // then
    assertThat(message)
        .isEqualTo(
            new Unsupported(
                new MessageOrigin(
                    "wamid.2", ConversationKey.whatsapp("51902376744"), Channel.WHATSAPP, Provider.META),
                Unsupported.NO_PARSER));
  }

  @Test
  void shouldTurnAParserBugIntoAMalformedMessage() {
    // given
    ProviderMessageParser broken =
        new ProviderMessageParser() {
          @Override
          public Provider provider() {
            return Provider.WHAPI;
          }

          @Override
          public InboundMessage parse(MessageOrigin origin, JsonNode raw) {
            throw new IllegalStateException("bug");
          }
        };
    InboundParser parser = new InboundParser(List.of(broken));
    InboundEnvelope envelope = WhapiExamples.textEnvelope("51902376744", "wamid.3", "Hola", RECEIVED);

    // when
    InboundMessage message = parser.parse(KEY, envelope);

    // then
    assertThat(message)
        .isEqualTo(
            new Unsupported(
                new MessageOrigin(
                    "wamid.3", ConversationKey.whatsapp("51902376744"), Channel.WHATSAPP, Provider.WHAPI),
                Unsupported.MALFORMED));
  }

  @Test
  void shouldRefuseAnEnvelopeWithoutAMessageIdOrAValidKey() {
    // given
    InboundParser parser = new InboundParser(List.of(new WhapiMessageParser()));
    InboundEnvelope withoutId = WhapiExamples.textEnvelope("51902376744", null, "Hola", RECEIVED);
    InboundEnvelope valid = WhapiExamples.textEnvelope("51902376744", "wamid.4", "Hola", RECEIVED);

    // when / then
    assertThatThrownBy(() -> parser.parse(KEY, withoutId)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> parser.parse("not-a-key", valid)).isInstanceOf(IllegalArgumentException.class);
  }
}
