package pe.xofi.chat.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the members of a run write, as WHAPI {@code messages.post} webhooks: request {@code i} comes
 * from phone {@code i mod size}, which says the next step of its conversation (greeting,
 * {@code DNI … año …}, statement, loans, a ticket in three steps). Message ids are
 * {@code <runId>-<i>}, so every reply can be traced back to the request that caused it.
 */
public final class ConversationScript {

  /** A demo member's conversation; the DNI step is filled in per member. */
  static final List<String> MEMBER_STEPS =
      List.of("Hola", "DNI %s año %d", "estado de cuenta", "mis préstamos", "crear ticket", "Problema con pago",
          "No puedo pagar mi cuota", "menu");

  /** An unknown number: greets, tries a DNI no member has, asks for a statement anyway. */
  static final List<String> STRANGER_STEPS =
      List.of("Hola", "DNI 0000%04d año 1900", "estado de cuenta", "mis préstamos", "ayuda");

  private final PhoneBook phones;
  private final String runId;

  public ConversationScript(PhoneBook phones, String runId) {
    if (!runId.matches("[A-Za-z0-9]+")) {
      throw new IllegalArgumentException("run id must be letters and digits: " + runId);
    }
    this.phones = phones;
    this.runId = runId;
  }

  public String runId() {
    return runId;
  }

  /** The webhook of request {@code i}; {@code epochSeconds} is WHAPI's message timestamp. */
  public Webhook webhook(long i, long epochSeconds) {
    int n = (int) (i % phones.size());
    long step = i / phones.size();
    String phone = phones.phone(n);
    String text = text(n, step);
    String id = runId + "-" + i;
    String body =
        "{\"messages\":[{\"id\":\"" + id + "\",\"from_me\":false,\"type\":\"text\",\"chat_id\":\"" + phone
            + "@s.whatsapp.net\",\"timestamp\":" + epochSeconds + ",\"source\":\"mobile\",\"text\":{\"body\":\""
            + text + "\"},\"from\":\"" + phone + "\",\"from_name\":\"Socio " + n
            + "\"}],\"event\":{\"type\":\"messages\",\"event\":\"post\"},\"channel_id\":\"BENCH\"}";
    return new Webhook(i, id, phone, text, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Request index of a message id of this run, or -1 when the id is not one of this run's. */
  public long indexOf(String messageId) {
    String prefix = runId + "-";
    if (messageId == null || !messageId.startsWith(prefix)) {
      return -1;
    }
    try {
      return Long.parseLong(messageId.substring(prefix.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  String text(int n, long step) {
    PhoneBook.DemoMember member = phones.memberOf(n);
    if (member != null) {
      String template = MEMBER_STEPS.get((int) (step % MEMBER_STEPS.size()));
      return template.startsWith("DNI") ? template.formatted(member.dni(), member.birthYear()) : template;
    }
    String template = STRANGER_STEPS.get((int) (step % STRANGER_STEPS.size()));
    return template.startsWith("DNI") ? template.formatted(n % 10_000) : template;
  }
}
