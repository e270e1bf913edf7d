package pe.xofi.chat.system.chaos;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** WHAPI's {@code messages.post} webhooks of the load: texts and receipt images, with our own message ids. */
final class WhapiWebhooks {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final ZoneId LIMA = ZoneId.of("America/Lima");

  /** A file kept by the sandbox ({@code POST /sandbox/media}), named by receipt webhooks. */
  record Media(String id, String mimeType, long size, String sha256) {}

  private WhapiWebhooks() {}

  /** The webhook of one scripted message. */
  static String of(String messageId, String phone, MemberScript.Step step, Media receiptFile) {
    ObjectNode message = JSON.createObjectNode()
        .put("id", messageId)
        .put("from_me", false)
        .put("type", step.receipt() ? "image" : "text")
        .put("chat_id", phone + "@s.whatsapp.net")
        .put("timestamp", Instant.now().getEpochSecond())
        .put("source", "mobile");
    if (step.receipt()) {
      // the engine's "today" is the received-at in Lima: yesterday is always a valid payment date
      String caption = step.text() + "\nFecha: " + LocalDate.now(LIMA).minusDays(1);
      message.putObject("image")
          .put("id", receiptFile.id())
          .put("mime_type", receiptFile.mimeType())
          .put("file_size", receiptFile.size())
          .put("sha256", receiptFile.sha256())
          .put("caption", caption);
    } else {
      message.putObject("text").put("body", step.text());
    }
    message.put("from", phone).put("from_name", "Socio Carga");
    ObjectNode webhook = JSON.createObjectNode();
    webhook.putArray("messages").add(message);
    webhook.putObject("event").put("type", "messages").put("event", "post");
    webhook.put("channel_id", "SANDBOX");
    return webhook.toString();
  }
}
