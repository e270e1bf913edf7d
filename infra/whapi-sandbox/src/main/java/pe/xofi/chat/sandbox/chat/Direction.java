package pe.xofi.chat.sandbox.chat;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which way a message went, seen from the bot: members write inbound, the bot sends outbound. */
public enum Direction {
  INBOUND,
  OUTBOUND;

  @JsonValue
  String json() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
