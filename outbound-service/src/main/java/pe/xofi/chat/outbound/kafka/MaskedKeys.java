package pe.xofi.chat.outbound.kafka;

import pe.xofi.chat.schemas.inbound.ConversationKey;

/** Conversation keys as log lines may show them: the phone number masked but its last four digits. */
public final class MaskedKeys {

  private MaskedKeys() {}

  public static String of(Object key) {
    if (!(key instanceof String text)) {
      return "(no key)";
    }
    try {
      return ConversationKey.parse(text).masked();
    } catch (IllegalArgumentException e) {
      return "(invalid key)";
    }
  }
}
