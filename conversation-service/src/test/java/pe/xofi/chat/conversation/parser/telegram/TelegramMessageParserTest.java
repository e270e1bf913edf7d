package pe.xofi.chat.conversation.parser.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.message.InboundMessage;
import pe.xofi.chat.conversation.message.InboundMessage.ButtonReply;
import pe.xofi.chat.conversation.message.InboundMessage.Media;
import pe.xofi.chat.conversation.message.InboundMessage.MediaKind;
import pe.xofi.chat.conversation.message.InboundMessage.Text;
import pe.xofi.chat.conversation.message.MessageOrigin;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.Provider;

class TelegramMessageParserTest {

  private static final MessageOrigin ORIGIN =
      new MessageOrigin("tg:u:900001", ConversationKey.parse("tg:734561289"), Channel.TELEGRAM, Provider.TELEGRAM);

  private final TelegramMessageParser parser = new TelegramMessageParser();

  @Test
  void shouldCarryTheSendersUsernameWithATextMessage() {
    // given
    var update = Json.MAPPER.readTree(
        """
        {"update_id":900001,"message":{"message_id":11,"date":1764000000,
         "from":{"id":734561289,"is_bot":false,"first_name":"José","username":"jose_ahorros"},
         "chat":{"id":734561289,"type":"private"},"text":"estado de cuenta"}}""");

    // when
    InboundMessage message = parser.parse(ORIGIN, update);

    // then
    assertThat(message).isEqualTo(new Text(ORIGIN.withSenderUsername("jose_ahorros"), "estado de cuenta"));
  }

  @Test
  void shouldLeaveTheUsernameEmptyWhenTheSenderHasNone() {
    // given
    var update = Json.MAPPER.readTree(
        """
        {"update_id":900002,"message":{"message_id":12,"date":1764000000,
         "from":{"id":734561289,"is_bot":false,"first_name":"José"},
         "chat":{"id":734561289,"type":"private"},"caption":"Monto: 500",
         "photo":[{"file_id":"small","file_unique_id":"s","width":90,"height":90},
                  {"file_id":"large","file_unique_id":"l","width":1280,"height":960,"file_size":2048}]}}""");

    // when
    InboundMessage message = parser.parse(ORIGIN, update);

    // then
    assertThat(message).isEqualTo(new Media(ORIGIN, MediaKind.IMAGE, "large", "image/jpeg", "Monto: 500", null, 2048L, null));
  }

  @Test
  void shouldCarryTheTappersUsernameAndTheButtonTitleWithACallbackQuery() {
    // given
    var update = Json.MAPPER.readTree(
        """
        {"update_id":900003,"callback_query":{"id":"4382bfdwdsb323b2d9",
         "from":{"id":734561289,"is_bot":false,"first_name":"José","username":"jose_ahorros"},
         "message":{"message_id":1001,"date":1764000000,"chat":{"id":734561289,"type":"private"},
          "reply_markup":{"inline_keyboard":[[{"text":"Estado de cuenta","callback_data":"estado"}]]}},
         "data":"estado"}}""");

    // when
    InboundMessage message = parser.parse(ORIGIN, update);

    // then
    assertThat(message).isEqualTo(new ButtonReply(ORIGIN.withSenderUsername("jose_ahorros"), "estado", "Estado de cuenta"));
  }
}
