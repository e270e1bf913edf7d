package pe.xofi.chat.ingress.webhook.whapi;

/** WHAPI webhook bodies as the provider documents them (PROVIDERS.md §1, ORIGINAL_SYSTEM.md). */
public final class WhapiPayloads {

  /** One message of the ORIGINAL_SYSTEM.md example: a member writes "Hola". */
  public static final String HOLA_MESSAGE =
      """
      {"id":"rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs","from_me":false,"type":"text",\
      "chat_id":"51902376744@s.whatsapp.net","timestamp":1762876458,"source":"mobile",\
      "text":{"body":"Hola"},"from":"51902376744","from_name":"Usuario"}""";

  /** The whole ORIGINAL_SYSTEM.md "Estructura de Webhook Entrante (WHAPI)" example. */
  public static final String HOLA_WEBHOOK =
      """
      {"messages":[%s],"event":{"type":"messages","event":"post"},"channel_id":"CHANNEL-ID"}"""
          .formatted(HOLA_MESSAGE);

  /** WHAPI's own incoming-text example (support.whapi.cloud, incoming-message page). */
  public static final String GERALD_MESSAGE =
      """
      {"id":"p.w30M7fgwWD4XwHu.g4CA-gBgTwl0rVw","from_me":false,"type":"text",\
      "chat_id":"919984351847@s.whatsapp.net","timestamp":1712995245,"source":"mobile",\
      "text":{"body":"Hello world"},"from":"919984351847","from_name":"Gerald"}""";

  /**
   * An incoming receipt photo, built from WHAPI's {@code MessageContentImage} schema (no verbatim
   * example exists); its timestamp comes as a string, which WHAPI also does.
   */
  public static final String RECEIPT_IMAGE_MESSAGE =
      """
      {"id":"gBGGUQmXdwRfAgkmqA4uAmJ8xxU","from_me":false,"type":"image",\
      "chat_id":"51902376744@s.whatsapp.net","timestamp":"1762876520","source":"mobile",\
      "image":{"id":"jpeg-a1b2c3d4e5f6-51902376744","mime_type":"image/jpeg","file_size":184233,\
      "caption":"Monto: 500\\nFecha: 2025-01-15","width":1080,"height":1920},\
      "from":"51902376744","from_name":"Usuario"}""";

  /** The bot's own reply echoed back by WHAPI (sent-message page). */
  public static final String BOT_ECHO_MESSAGE =
      """
      {"id":"PsqA3Ltd7a0Yj3s-gLgDtGcgAsKs","from_me":true,"type":"text",\
      "chat_id":"51902376744@s.whatsapp.net","timestamp":1762876460,"source":"api",\
      "text":{"body":"¡Hola! Soy el asistente de Xofi Recaudo."},"from":"51999000111"}""";

  /** A message written in a group chat. */
  public static final String GROUP_MESSAGE =
      """
      {"id":"Gr0upMsg-1","from_me":false,"type":"text","chat_id":"120363025246125486@g.us",\
      "timestamp":1762876470,"source":"mobile","text":{"body":"Buenos días a todos"},\
      "from":"51902376744","from_name":"Usuario"}""";

  /** WHAPI's status callback example (incoming-message page): timestamp is a string. */
  public static final String READ_STATUS_WEBHOOK =
      """
      {"statuses":[{"id":"p.w30M7fgwWD4XwHu.g4CA-gBgTwl0rVw","code":4,"status":"read",\
      "recipient_id":"919984351847@s.whatsapp.net","timestamp":"1712995290"}],\
      "event":{"type":"statuses","event":"post"},"channel_id":"MANTIS-M72HC"}""";

  /** An event type the pipeline does not consume. */
  public static final String CHATS_WEBHOOK =
      """
      {"chats_updates":[{"before_update":{"id":"51902376744@s.whatsapp.net"}}],\
      "event":{"type":"chats","event":"patch"},"channel_id":"CHANNEL-ID"}""";

  /** A messages webhook carrying {@code messages}. */
  public static String messagesWebhook(String... messages) {
    return """
        {"messages":[%s],"event":{"type":"messages","event":"post"},"channel_id":"CHANNEL-ID"}"""
        .formatted(String.join(",", messages));
  }

  private WhapiPayloads() {}
}
