package pe.xofi.chat.ingress.webhook.meta;

/**
 * Meta WhatsApp Cloud API webhooks as the docs show them (PROVIDERS.md section 2): the test text
 * message sample, an image, an interactive button reply, a status, and a webhook with two entries
 * carrying three messages between them.
 */
public final class MetaPayloads {

  private MetaPayloads() {}

  /** Meta's sample text message (timestamp as a string). */
  public static final String TEXT_MESSAGE =
      """
      {"from":"16315551181","id":"ABGGFlA5Fpa","timestamp":"1504902988","type":"text",\
      "text":{"body":"this is a text message"}}""";

  public static final String IMAGE_MESSAGE =
      """
      {"from":"51987654321","id":"wamid.IMG1","timestamp":"1736953200","type":"image",\
      "image":{"caption":"Monto: 500","mime_type":"image/jpeg","sha256":"abc=","id":"2621233374848975"}}""";

  public static final String BUTTON_REPLY_MESSAGE =
      """
      {"context":{"from":"15550000000","id":"wamid.MENU"},"from":"51987654321","id":"wamid.BTN1",\
      "timestamp":"1736953260","type":"interactive",\
      "interactive":{"type":"button_reply","button_reply":{"id":"estado_cuenta","title":"Estado de cuenta"}}}""";

  public static final String SENT_STATUS =
      """
      {"id":"wamid.SENT1","status":"delivered","timestamp":"1736953300","recipient_id":"51987654321",\
      "conversation":{"id":"c-1","origin":{"type":"service"}},"pricing":{"billable":true,"category":"service"}}""";

  /** One change's value with {@code messages} and the contacts that sent them. */
  public static String value(String contacts, String messages) {
    return """
        {"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550000000",\
        "phone_number_id":"106540352242922"},"contacts":[%s],"messages":[%s]}"""
        .formatted(contacts, messages);
  }

  /** A contact entry. */
  public static String contact(String waId, String name) {
    return "{\"profile\":{\"name\":\"" + name + "\"},\"wa_id\":\"" + waId + "\"}";
  }

  /** A webhook whose entries each hold one change with {@code value}. */
  public static String webhook(String... values) {
    StringBuilder entries = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      entries.append(i == 0 ? "" : ",")
          .append("{\"id\":\"WABA-").append(i + 1).append("\",\"changes\":[{\"value\":")
          .append(values[i]).append(",\"field\":\"messages\"}]}");
    }
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[" + entries + "]}";
  }

  /** Two entries, three messages: the sample text in the first, an image and a button reply in the second. */
  public static final String TWO_ENTRIES_THREE_MESSAGES =
      webhook(
          value(contact("16315551181", "Kerry Fisher"), TEXT_MESSAGE),
          value(contact("51987654321", "María"), IMAGE_MESSAGE + "," + BUTTON_REPLY_MESSAGE));

  public static final String STATUS_WEBHOOK =
      "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"WABA-1\",\"changes\":[{\"value\":"
          + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550000000\","
          + "\"phone_number_id\":\"106540352242922\"},\"statuses\":[" + SENT_STATUS + "]},"
          + "\"field\":\"messages\"}]}]}";
}
