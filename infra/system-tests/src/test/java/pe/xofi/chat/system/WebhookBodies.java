package pe.xofi.chat.system;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generators of hostile webhook bodies: arbitrary JSON, WHAPI-shaped webhooks with wrong types and
 * missing fields, unknown message types, group chats, extreme timestamps, 10,000-character texts,
 * emoji, right-to-left and SQL-looking strings, deep nesting, invalid UTF-8 and plain garbage.
 */
final class WebhookBodies {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private WebhookBodies() {}

  /** Any of the kinds below, as raw bytes. */
  static Arbitrary<byte[]> any() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, whapiShaped().map(WebhookBodies::bytes)),
        net.jqwik.api.Tuple.of(2, json(3).map(WebhookBodies::bytes)),
        net.jqwik.api.Tuple.of(1, deepNesting()),
        net.jqwik.api.Tuple.of(1, invalidUtf8()),
        net.jqwik.api.Tuple.of(1, nastyText().map(s -> s.getBytes(StandardCharsets.UTF_8))));
  }

  /** Texts that have broken systems before. */
  static Arbitrary<String> nastyText() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "",
            "Hola",
            "DNI 12345678 año 1990",
            "'; DROP TABLE partner; --",
            "1' OR '1'='1",
            "Robert'); DELETE FROM support_ticket;--",
            "مرحبا بك في البنك \u202E gnp.exe",
            "👩‍👩‍👧‍👦🏳️‍🌈🇵🇪 ñandú",
            "\u0000\u0001\u0007\u001b[31m",
            "{{7*7}} ${jndi:ldap://127.0.0.1/a} <script>alert(1)</script>",
            "Monto: -500\nFecha: 9999-99-99",
            "detalle PR-2001",
            "RC-000001 TK-000001"),
        Arbitraries.strings().ofMaxLength(200),
        Arbitraries.strings().withCharRange('a', 'z').ofLength(10_000));
  }

  /** WHAPI's envelope with one to three messages whose fields are sometimes wrong. */
  static Arbitrary<JsonNode> whapiShaped() {
    Arbitrary<JsonNode> message =
        Combinators.combine(
                Arbitraries.strings().alpha().numeric().ofMinLength(0).ofMaxLength(40),
                chatId(),
                Arbitraries.of("text", "image", "document", "voice", "sticker", "location", "reply", "unknown", "poll", "system"),
                timestamp(),
                nastyText(),
                Arbitraries.integers().between(0, 15))
            .as(
                (id, chat, type, ts, text, mutation) -> {
                  ObjectNode m = NODES.objectNode();
                  m.put("id", id);
                  m.set("chat_id", chat);
                  m.put("type", type);
                  m.set("timestamp", ts);
                  m.put("from_me", mutation == 1);
                  m.put("from", chat.isString() ? chat.asString().replaceAll("@.*", "") : "x");
                  m.put("from_name", text.length() > 50 ? text.substring(0, 50) : text);
                  m.putObject("text").put("body", text);
                  switch (mutation) {
                    case 2 -> m.remove("id");
                    case 3 -> m.remove("chat_id");
                    case 4 -> m.put("text", 42);
                    case 5 -> m.putArray("text").add("body");
                    case 6 -> m.putObject("image").put("id", text).put("mime_type", "image/jpeg").put("file_size", -1).put("caption", text);
                    case 7 -> m.putObject("document").put("id", "pdf-1").put("mime_type", "application/pdf").put("file_size", Long.MAX_VALUE).put("caption", "Monto: 500\nFecha: 2026-11-20");
                    case 8 -> m.putObject("reply").put("type", "buttons_reply").putObject("buttons_reply").put("id", "ButtonsV3:" + text).put("title", text);
                    case 9 -> m.putNull("type");
                    default -> {}
                  }
                  return m;
                });
    return Combinators.combine(message.list().ofMinSize(0).ofMaxSize(3), Arbitraries.integers().between(0, 5))
        .as(
            (messages, envelopeMutation) -> {
              ObjectNode envelope = NODES.objectNode();
              ArrayNode list = envelope.putArray("messages");
              messages.forEach(list::add);
              envelope.putObject("event").put("type", "messages").put("event", "post");
              envelope.put("channel_id", "FUZZ");
              switch (envelopeMutation) {
                case 1 -> envelope.put("messages", "not an array");
                case 2 -> envelope.remove("messages");
                case 3 -> envelope.putObject("event").put("type", "chats");
                case 4 -> envelope.putArray("statuses").addObject().put("id", "x").put("status", "read").put("recipient_id", "51900000000@s.whatsapp.net").put("timestamp", "nope");
                default -> {}
              }
              return envelope;
            });
  }

  static Arbitrary<JsonNode> chatId() {
    return Arbitraries.oneOf(
        Arbitraries.strings().numeric().ofMinLength(9).ofMaxLength(15).map(d -> NODES.stringNode("519" + d + "@s.whatsapp.net")),
        Arbitraries.strings().numeric().ofMinLength(9).ofMaxLength(18).map(d -> NODES.stringNode("120363" + d + "@g.us")),
        Arbitraries.of("@s.whatsapp.net", "abc@s.whatsapp.net", "51987654321@lid", "status@broadcast", "").map(NODES::stringNode),
        Arbitraries.just(NODES.numberNode(51987654321L)),
        Arbitraries.just(NODES.nullNode()));
  }

  static Arbitrary<JsonNode> timestamp() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 1_900_000_000L).map(NODES::numberNode),
        Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, -1L, 253_402_300_800L).map(NODES::numberNode),
        Arbitraries.of("1712995290", "soon", "", "1e309").map(NODES::stringNode),
        Arbitraries.just(NODES.numberNode(1.5e300)));
  }

  /** Arbitrary JSON values up to {@code depth} levels. */
  static Arbitrary<JsonNode> json(int depth) {
    Arbitrary<JsonNode> leaf =
        Arbitraries.oneOf(
            nastyText().map(NODES::stringNode),
            Arbitraries.integers().map(NODES::numberNode),
            Arbitraries.of(NODES.booleanNode(true), NODES.nullNode()));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<JsonNode> child = json(depth - 1);
    Arbitrary<JsonNode> array = child.list().ofMaxSize(4).map(l -> { ArrayNode a = NODES.arrayNode(); l.forEach(a::add); return a; });
    Arbitrary<JsonNode> object =
        Combinators.combine(Arbitraries.of("messages", "statuses", "event", "entry", "object", "x").list().ofMaxSize(4), child.list().ofSize(4))
            .as((keys, values) -> { ObjectNode o = NODES.objectNode(); for (int i = 0; i < keys.size(); i++) o.set(keys.get(i), values.get(i)); return o; });
    return Arbitraries.oneOf(leaf, array, object);
  }

  static Arbitrary<byte[]> deepNesting() {
    return Arbitraries.integers().between(100, 20_000).map(n -> ("{\"messages\":" + "[".repeat(n) + "]".repeat(n) + "}").getBytes(StandardCharsets.UTF_8));
  }

  static Arbitrary<byte[]> invalidUtf8() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64)
        .map(b -> { byte[] out = new byte[b.length + 40]; System.arraycopy("{\"messages\":[{\"id\":\"".getBytes(StandardCharsets.UTF_8), 0, out, 0, 20); out[20] = (byte) 0xC3; out[21] = (byte) 0x28; System.arraycopy(b, 0, out, 22, Math.min(b.length, out.length - 22)); return out; });
  }

  private static byte[] bytes(JsonNode node) {
    return JSON.writeValueAsBytes(node);
  }

  /** What a hostile body may get: accepted, not a webhook, too large or too many messages, every message refused. */
  static final List<Integer> ACCEPTABLE = List.of(200, 400, 413, 422);
}
