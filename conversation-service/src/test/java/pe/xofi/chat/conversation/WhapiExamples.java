package pe.xofi.chat.conversation;

import java.time.Instant;
import pe.xofi.chat.schemas.Json;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.inbound.Sender;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** WHAPI message payloads (PROVIDERS.md section 1, ORIGINAL_SYSTEM.md) and envelopes around them. */
public final class WhapiExamples {

  /** The incoming text of ORIGINAL_SYSTEM.md's webhook example. */
  public static final String TEXT_HOLA =
      """
      {"id":"rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs","from_me":false,"type":"text",\
      "chat_id":"51902376744@s.whatsapp.net","timestamp":1762876458,"source":"mobile",\
      "text":{"body":"Hola"},"from":"51902376744","from_name":"Usuario"}""";

  /** The incoming text of WHAPI's incoming-message page. */
  public static final String TEXT_HELLO_WORLD =
      """
      {"id":"p.w30M7fgwWD4XwHu.g4CA-gBgTwl0rVw","from_me":false,"type":"text",\
      "chat_id":"919984351847@s.whatsapp.net","timestamp":1712995245,"source":"mobile",\
      "text":{"body":"Hello world"},"from":"919984351847","from_name":"Gerald"}""";

  /** A quick-reply button tap as WHAPI's incoming-message page shows it. */
  public static final String BUTTONS_REPLY =
      """
      {"id":"gBGHU5gpc3YsRwIJhNQBQdFodCC5","from_me":false,"type":"reply",\
      "chat_id":"51902376744@s.whatsapp.net","timestamp":1712995300,"source":"mobile",\
      "context":{"quoted_id":"PsqXn5SAD5v7HRA-wHqB9tg","quoted_type":"interactive",\
      "quoted_content":{"body":"Body message"}},\
      "reply":{"type":"buttons_reply","buttons_reply":{"id":"ButtonsV3:randomId1","title":"Button1"}},\
      "from":"51902376744","from_name":"Usuario"}""";

  /** A list row tap, shaped after WAPI-SPEC {@code MessageContentReply}/{@code ListReply}. */
  public static final String LIST_REPLY =
      """
      {"id":"gBGHU5gpc3YsRwIJhNQBQdFodCC6","from_me":false,"type":"reply",\
      "chat_id":"51902376744@s.whatsapp.net","timestamp":1712995310,"source":"mobile",\
      "reply":{"type":"list_reply","list_reply":{"id":"loan.PR-1001","title":"PR-1001",\
      "description":"Crédito personal"}},"from":"51902376744"}""";

  /** A receipt photo, shaped after WAPI-SPEC {@code MessageContentImage} (no verbatim example exists). */
  public static final String IMAGE_RECEIPT =
      """
      {"id":"gBGHU5gpc3YsRwIJhNQBQdFodCC7","from_me":false,"type":"image",\
      "chat_id":"51902376744@s.whatsapp.net","timestamp":1712995320,"source":"mobile",\
      "image":{"id":"jpeg-7d2b3c1f0e4d5a6b","mime_type":"image/jpeg","file_size":84512,\
      "sha256":"k3Yd2e","width":1080,"height":1920,\
      "link":"https://gate.whapi.cloud/media/jpeg-7d2b3c1f0e4d5a6b",\
      "caption":"Monto: 500\\nFecha: 2025-01-15"},"from":"51902376744"}""";

  /** A receipt PDF without Auto Download, so without a link. */
  public static final String DOCUMENT_RECEIPT =
      """
      {"id":"gBGHU5gpc3YsRwIJhNQBQdFodCC8","from_me":false,"type":"document",\
      "chat_id":"51902376744@s.whatsapp.net","timestamp":1712995330,"source":"mobile",\
      "document":{"id":"pdf-0a1b2c3d4e5f","mime_type":"application/pdf","file_size":120331,\
      "file_name":"boleta.pdf","caption":"Monto: 500"},"from":"51902376744"}""";

  /** The bot's own reply, echoed back by WHAPI. */
  public static final String OWN_ECHO =
      """
      {"id":"PsqXn5SAD5v7HRA-wHqB9tg","from_me":true,"type":"text",\
      "chat_id":"51902376744@s.whatsapp.net","timestamp":1712995340,"source":"api",\
      "text":{"body":"¡Hola! Soy el asistente virtual"}}""";

  /** A voice note, a type the engine does not read. */
  public static final String VOICE =
      """
      {"id":"gBGHU5gpc3YsRwIJhNQBQdFodCC9","from_me":false,"type":"voice",\
      "chat_id":"51902376744@s.whatsapp.net","timestamp":1712995350,"source":"mobile",\
      "voice":{"id":"oga-1a2b3c","mime_type":"audio/ogg; codecs=opus","file_size":9012,"seconds":4},\
      "from":"51902376744"}""";

  private WhapiExamples() {}

  /** {@code json} parsed with the contract's mapper. */
  public static JsonNode json(String json) {
    return Json.MAPPER.readTree(json);
  }

  /** The raw WHAPI JSON of a text message {@code body} with id {@code messageId} from {@code phone}. */
  public static JsonNode text(String messageId, String phone, String body) {
    ObjectNode raw = Json.MAPPER.createObjectNode();
    raw.put("id", messageId);
    raw.put("from_me", false);
    raw.put("type", "text");
    raw.put("chat_id", phone + "@s.whatsapp.net");
    raw.put("timestamp", 1762876458);
    raw.put("source", "mobile");
    raw.putObject("text").put("body", body);
    raw.put("from", phone);
    raw.put("from_name", "Socio");
    return raw;
  }

  /** The envelope the ingress writes for {@code raw}, WHAPI message {@code messageId} of {@code phone}. */
  public static InboundEnvelope envelope(String phone, String messageId, JsonNode raw, Instant receivedAt) {
    return new InboundEnvelope(
        messageId,
        Channel.WHATSAPP,
        Provider.WHAPI,
        ConversationKey.whatsapp(phone).toString(),
        new Sender(phone, "Socio"),
        receivedAt,
        Instant.ofEpochSecond(1762876458),
        raw);
  }

  /** The envelope of a WHAPI text {@code body}. */
  public static InboundEnvelope textEnvelope(String phone, String messageId, String body, Instant receivedAt) {
    return envelope(phone, messageId, text(messageId, phone, body), receivedAt);
  }
}
