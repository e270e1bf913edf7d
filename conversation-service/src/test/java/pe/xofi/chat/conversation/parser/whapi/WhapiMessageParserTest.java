package pe.xofi.chat.conversation.parser.whapi;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.xofi.chat.conversation.WhapiExamples.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pe.xofi.chat.conversation.WhapiExamples;
import pe.xofi.chat.conversation.message.InboundMessage;
import pe.xofi.chat.conversation.message.InboundMessage.ButtonReply;
import pe.xofi.chat.conversation.message.InboundMessage.Media;
import pe.xofi.chat.conversation.message.InboundMessage.MediaKind;
import pe.xofi.chat.conversation.message.InboundMessage.Text;
import pe.xofi.chat.conversation.message.InboundMessage.Unsupported;
import pe.xofi.chat.conversation.message.MessageOrigin;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.Provider;

class WhapiMessageParserTest {

  private static final MessageOrigin ORIGIN =
      new MessageOrigin(
          "rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs",
          ConversationKey.whatsapp("51902376744"),
          Channel.WHATSAPP,
          Provider.WHAPI);

  private final WhapiMessageParser parser = new WhapiMessageParser();

  @Test
  void shouldReadTheTextOfTheOriginalSystemsWebhookExample() {
    // given
    var raw = json(WhapiExamples.TEXT_HOLA);

    // when
    InboundMessage message = parser.parse(ORIGIN, raw);

    // then
    assertThat(message).isEqualTo(new Text(ORIGIN, "Hola"));
  }

  @Test
  void shouldReadTheTextOfWhapisIncomingMessageExample() {
    // given
    var raw = json(WhapiExamples.TEXT_HELLO_WORLD);

    // when
    InboundMessage message = parser.parse(ORIGIN, raw);

    // then
    assertThat(message).isEqualTo(new Text(ORIGIN, "Hello world"));
  }

  @Test
  void shouldReadAnImageWithItsMediaIdMimeTypeCaptionLinkAndSize() {
    // given
    var raw = json(WhapiExamples.IMAGE_RECEIPT);

    // when
    InboundMessage message = parser.parse(ORIGIN, raw);

    // then
    assertThat(message)
        .isEqualTo(
            new Media(
                ORIGIN,
                MediaKind.IMAGE,
                "jpeg-7d2b3c1f0e4d5a6b",
                "image/jpeg",
                "Monto: 500\nFecha: 2025-01-15",
                "https://gate.whapi.cloud/media/jpeg-7d2b3c1f0e4d5a6b",
                84512L,
                null));
  }

  @Test
  void shouldReadADocumentWithItsFileNameAndWithoutLinkWhenAutoDownloadIsOff() {
    // given
    var raw = json(WhapiExamples.DOCUMENT_RECEIPT);

    // when
    InboundMessage message = parser.parse(ORIGIN, raw);

    // then
    assertThat(message)
        .isEqualTo(
            new Media(
                ORIGIN,
                MediaKind.DOCUMENT,
                "pdf-0a1b2c3d4e5f",
                "application/pdf",
                "Monto: 500",
                null,
                120331L,
                "boleta.pdf"));
  }

  @Test
  void shouldStripTheButtonsV3PrefixFromAButtonReplyId() {
    // given
    var raw = json(WhapiExamples.BUTTONS_REPLY);

    // when
    InboundMessage message = parser.parse(ORIGIN, raw);

    // then
    assertThat(message).isEqualTo(new ButtonReply(ORIGIN, "randomId1", "Button1"));
  }

  @Test
  void shouldReadAListReply() {
    // given
    var raw = json(WhapiExamples.LIST_REPLY);

    // when
    InboundMessage message = parser.parse(ORIGIN, raw);

    // then
    assertThat(message).isEqualTo(new ButtonReply(ORIGIN, "loan.PR-1001", "PR-1001"));
  }

  @Test
  void shouldStripTheListV3PrefixFromAListReplyId() {
    // given
    var raw =
        json(
            """
            {"id":"wamid.list2","from_me":false,"type":"reply","chat_id":"51987654321@s.whatsapp.net",
             "from":"51987654321","context":{"quoted_id":"wamid.menu"},
             "reply":{"type":"list_reply",
                      "list_reply":{"id":"ListV3:menu.2","title":"Estado de cuenta","description":"El resumen de tus deudas"}}}""");

    // when
    InboundMessage message = parser.parse(ORIGIN, raw);

    // then
    assertThat(message).isEqualTo(new ButtonReply(ORIGIN, "menu.2", "Estado de cuenta"));
  }

  @Test
  void shouldMarkTheBotsOwnEchoSoItIsNeverAnswered() {
    // given
    var raw = json(WhapiExamples.OWN_ECHO);

    // when
    InboundMessage message = parser.parse(ORIGIN, raw);

    // then
    assertThat(message).isEqualTo(new Unsupported(ORIGIN, Unsupported.OWN_ECHO));
  }

  @Test
  void shouldKeepTheTypeOfAMessageItCannotRead() {
    // given
    var raw = json(WhapiExamples.VOICE);

    // when
    InboundMessage message = parser.parse(ORIGIN, raw);

    // then
    assertThat(message).isEqualTo(new Unsupported(ORIGIN, "voice"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"just a string\"",
        "[1,2,3]",
        "{}",
        "{\"type\":42}",
        "{\"type\":\"text\"}",
        "{\"type\":\"text\",\"text\":{\"body\":7}}",
        "{\"type\":\"image\",\"image\":\"not an object\"}",
        "{\"type\":\"reply\",\"reply\":{\"type\":\"buttons_reply\"}}",
        "{\"type\":\"reply\",\"reply\":{\"type\":\"poll_reply\",\"poll_reply\":{\"id\":\"x\"}}}"
      })
  void shouldCallMalformedRawJsonUnsupportedInsteadOfThrowing(String rawJson) {
    // given
    var raw = json(rawJson);

    // when
    InboundMessage message = parser.parse(ORIGIN, raw);

    // then
    assertThat(message).isEqualTo(new Unsupported(ORIGIN, Unsupported.MALFORMED));
  }

  @Test
  void shouldCallAMissingRawJsonMalformed() {
    // given no raw JSON at all

    // when
    InboundMessage nullRaw = parser.parse(ORIGIN, null);
    InboundMessage nullNode = parser.parse(ORIGIN, Json.MAPPER.nullNode());

    // then
    assertThat(nullRaw).isEqualTo(new Unsupported(ORIGIN, Unsupported.MALFORMED));
    assertThat(nullNode).isEqualTo(new Unsupported(ORIGIN, Unsupported.MALFORMED));
  }
}
