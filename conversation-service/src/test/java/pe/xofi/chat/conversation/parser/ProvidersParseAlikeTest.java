package pe.xofi.chat.conversation.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.message.InboundMessage;
import pe.xofi.chat.conversation.message.InboundMessage.ButtonReply;
import pe.xofi.chat.conversation.message.InboundMessage.Media;
import pe.xofi.chat.conversation.message.InboundMessage.MediaKind;
import pe.xofi.chat.conversation.message.InboundMessage.Text;
import pe.xofi.chat.conversation.message.MessageOrigin;
import pe.xofi.chat.conversation.parser.meta.MetaMessageParser;
import pe.xofi.chat.conversation.parser.telegram.TelegramMessageParser;
import pe.xofi.chat.conversation.parser.whapi.WhapiMessageParser;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.Provider;

/**
 * The same thing said on WHAPI, Meta and Telegram, each in its provider's documented shape
 * (PROVIDERS.md), becomes the same {@link InboundMessage}: the engine cannot tell them apart.
 */
class ProvidersParseAlikeTest {

  private static final MessageOrigin ORIGIN =
      new MessageOrigin("m-1", ConversationKey.whatsapp("51987654321"), Channel.WHATSAPP, Provider.WHAPI);


  private static final String WHAPI_TEXT =
      "{\"id\":\"m-1\",\"from_me\":false,\"type\":\"text\",\"chat_id\":\"51987654321@s.whatsapp.net\","
          + "\"timestamp\":1712995245,\"source\":\"mobile\",\"text\":{\"body\":\"estado de cuenta\"},"
          + "\"from\":\"51987654321\",\"from_name\":\"María\"}";
  private static final String META_TEXT =
      "{\"from\":\"51987654321\",\"id\":\"m-1\",\"timestamp\":\"1504902988\",\"type\":\"text\","
          + "\"text\":{\"body\":\"estado de cuenta\"}}";
  private static final String TELEGRAM_TEXT =
      "{\"update_id\":1,\"message\":{\"message_id\":55,\"from\":{\"id\":734561289,\"is_bot\":false,"
          + "\"first_name\":\"María\"},\"chat\":{\"id\":734561289,\"type\":\"private\"},\"date\":1736953200,"
          + "\"text\":\"estado de cuenta\"}}";

  private static final String WHAPI_BUTTON =
      "{\"id\":\"m-1\",\"from_me\":false,\"type\":\"reply\",\"chat_id\":\"51987654321@s.whatsapp.net\","
          + "\"timestamp\":1712995245,\"reply\":{\"type\":\"buttons_reply\",\"buttons_reply\":"
          + "{\"id\":\"ButtonsV3:estado_cuenta\",\"title\":\"Estado de cuenta\"}}}";
  private static final String META_BUTTON =
      "{\"context\":{\"from\":\"15550000000\",\"id\":\"wamid.MENU\"},\"from\":\"51987654321\",\"id\":\"m-1\","
          + "\"timestamp\":\"1736953260\",\"type\":\"interactive\",\"interactive\":{\"type\":\"button_reply\","
          + "\"button_reply\":{\"id\":\"estado_cuenta\",\"title\":\"Estado de cuenta\"}}}";
  private static final String META_LIST =
      "{\"from\":\"51987654321\",\"id\":\"m-1\",\"timestamp\":\"1736953260\",\"type\":\"interactive\","
          + "\"interactive\":{\"type\":\"list_reply\",\"list_reply\":{\"id\":\"estado_cuenta\","
          + "\"title\":\"Estado de cuenta\",\"description\":\"Deudas y cuotas\"}}}";
  private static final String TELEGRAM_BUTTON =
      "{\"update_id\":2,\"callback_query\":{\"id\":\"4382bfdwdsb323b2d9\",\"from\":{\"id\":734561289,"
          + "\"is_bot\":false,\"first_name\":\"María\"},\"message\":{\"message_id\":57,\"chat\":{\"id\":734561289,"
          + "\"type\":\"private\"},\"date\":1736953202,\"text\":\"Menú\",\"reply_markup\":{\"inline_keyboard\":"
          + "[[{\"text\":\"Estado de cuenta\",\"callback_data\":\"estado_cuenta\"}]]}},"
          + "\"chat_instance\":\"-1\",\"data\":\"estado_cuenta\"}}";

  @Test
  void shouldReadTheSameTextFromEveryProvider() {
    // when
    List<InboundMessage> parsed = List.of(
        new WhapiMessageParser().parse(ORIGIN, Json.MAPPER.readTree(WHAPI_TEXT)),
        new MetaMessageParser().parse(ORIGIN, Json.MAPPER.readTree(META_TEXT)),
        new TelegramMessageParser().parse(ORIGIN, Json.MAPPER.readTree(TELEGRAM_TEXT)));

    // then
    Text expected = new Text(ORIGIN, "estado de cuenta");
    assertThat(parsed).isEqualTo(List.of(expected, expected, expected));
  }

  @Test
  void shouldReadTheSameButtonTapFromEveryProvider() {
    // when
    List<InboundMessage> parsed = List.of(
        new WhapiMessageParser().parse(ORIGIN, Json.MAPPER.readTree(WHAPI_BUTTON)),
        new MetaMessageParser().parse(ORIGIN, Json.MAPPER.readTree(META_BUTTON)),
        new MetaMessageParser().parse(ORIGIN, Json.MAPPER.readTree(META_LIST)),
        new TelegramMessageParser().parse(ORIGIN, Json.MAPPER.readTree(TELEGRAM_BUTTON)));

    // then
    ButtonReply expected = new ButtonReply(ORIGIN, "estado_cuenta", "Estado de cuenta");
    assertThat(parsed).isEqualTo(List.of(expected, expected, expected, expected));
  }

  @Test
  void shouldReadAReceiptPhotoWithCaptionFromMetaAndTelegram() {
    // given: Meta's image reference; a Telegram photo in three sizes
    String meta = "{\"from\":\"51987654321\",\"id\":\"m-1\",\"timestamp\":\"1736953200\",\"type\":\"image\","
        + "\"image\":{\"caption\":\"Monto: 500\\nFecha: 2025-01-15\",\"mime_type\":\"image/jpeg\","
        + "\"sha256\":\"abc=\",\"id\":\"2621233374848975\"}}";
    String telegram = "{\"update_id\":3,\"message\":{\"message_id\":58,\"from\":{\"id\":734561289,\"is_bot\":false},"
        + "\"chat\":{\"id\":734561289,\"type\":\"private\"},\"date\":1736953200,\"photo\":["
        + "{\"file_id\":\"AgAC-small\",\"file_unique_id\":\"s\",\"width\":90,\"height\":67,\"file_size\":1200},"
        + "{\"file_id\":\"AgAC-medium\",\"file_unique_id\":\"m\",\"width\":320,\"height\":240,\"file_size\":15000},"
        + "{\"file_id\":\"AgAC-large\",\"file_unique_id\":\"l\",\"width\":1280,\"height\":960,\"file_size\":98000}],"
        + "\"caption\":\"Monto: 500\\nFecha: 2025-01-15\"}}";

    // when
    InboundMessage fromMeta = new MetaMessageParser().parse(ORIGIN, Json.MAPPER.readTree(meta));
    InboundMessage fromTelegram = new TelegramMessageParser().parse(ORIGIN, Json.MAPPER.readTree(telegram));

    // then
    assertThat(fromMeta).isEqualTo(new Media(ORIGIN, MediaKind.IMAGE, "2621233374848975", "image/jpeg",
        "Monto: 500\nFecha: 2025-01-15", null, null, null));
    assertThat(fromTelegram).isEqualTo(new Media(ORIGIN, MediaKind.IMAGE, "AgAC-large", "image/jpeg",
        "Monto: 500\nFecha: 2025-01-15", null, 98000L, null));
  }

  @Test
  void shouldReadADocumentFromMetaAndTelegramWithItsFileName() {
    // given
    String meta = "{\"from\":\"51987654321\",\"id\":\"m-1\",\"timestamp\":\"1736953200\",\"type\":\"document\","
        + "\"document\":{\"caption\":\"Monto: 500\",\"filename\":\"voucher.pdf\",\"mime_type\":\"application/pdf\","
        + "\"sha256\":\"abc=\",\"id\":\"1111\"}}";
    String telegram = "{\"update_id\":4,\"message\":{\"message_id\":59,\"from\":{\"id\":734561289,\"is_bot\":false},"
        + "\"chat\":{\"id\":734561289,\"type\":\"private\"},\"date\":1736953200,\"document\":{\"file_name\":\"voucher.pdf\","
        + "\"mime_type\":\"application/pdf\",\"file_id\":\"BQAC-doc\",\"file_unique_id\":\"d\",\"file_size\":34567},"
        + "\"caption\":\"Monto: 500\"}}";

    // when
    InboundMessage fromMeta = new MetaMessageParser().parse(ORIGIN, Json.MAPPER.readTree(meta));
    InboundMessage fromTelegram = new TelegramMessageParser().parse(ORIGIN, Json.MAPPER.readTree(telegram));

    // then
    assertThat(fromMeta).isEqualTo(new Media(ORIGIN, MediaKind.DOCUMENT, "1111", "application/pdf",
        "Monto: 500", null, null, "voucher.pdf"));
    assertThat(fromTelegram).isEqualTo(new Media(ORIGIN, MediaKind.DOCUMENT, "BQAC-doc", "application/pdf",
        "Monto: 500", null, 34567L, "voucher.pdf"));
  }
}
