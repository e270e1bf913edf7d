package pe.xofi.chat.ingress.webhook.telegram;

/**
 * Telegram updates assembled from the Bot API's field names (PROVIDERS.md section 3; Telegram's docs
 * show no verbatim update): a private text message, a group message and an inline-keyboard tap.
 */
public final class TelegramPayloads {

  private TelegramPayloads() {}

  public static final String TEXT_UPDATE =
      """
      {"update_id":873451201,"message":{"message_id":55,"from":{"id":734561289,"is_bot":false,\
      "first_name":"María","last_name":"Quispe","username":"mquispe","language_code":"es"},\
      "chat":{"id":734561289,"first_name":"María","last_name":"Quispe","username":"mquispe","type":"private"},\
      "date":1736953200,"text":"Hola"}}""";

  public static final String GROUP_UPDATE =
      """
      {"update_id":873451202,"message":{"message_id":56,"from":{"id":734561289,"is_bot":false,"first_name":"María"},\
      "chat":{"id":-1001234567890,"title":"Socios","type":"supergroup"},"date":1736953201,"text":"Hola"}}""";

  public static final String CALLBACK_UPDATE =
      """
      {"update_id":873451203,"callback_query":{"id":"4382bfdwdsb323b2d9","from":{"id":734561289,\
      "is_bot":false,"first_name":"María"},"message":{"message_id":57,"from":{"id":7000000001,"is_bot":true,\
      "first_name":"Xofi"},"chat":{"id":734561289,"type":"private"},"date":1736953202,"text":"Menú"},\
      "chat_instance":"-123456","data":"estado_cuenta"}}""";

  public static final String EDITED_UPDATE =
      """
      {"update_id":873451204,"edited_message":{"message_id":55,"chat":{"id":734561289,"type":"private"},\
      "date":1736953200,"edit_date":1736953300,"text":"Hola!"}}""";
}
