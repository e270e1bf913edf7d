package pe.xofi.chat.schemas.inbound;

/** The messaging channel a member writes on; its prefix starts the conversation key. */
public enum Channel {
  WHATSAPP("wa"),
  TELEGRAM("tg");

  private final String prefix;

  Channel(String prefix) {
    this.prefix = prefix;
  }

  public String prefix() {
    return prefix;
  }

  /** The channel whose conversation-key prefix is {@code prefix}. */
  public static Channel ofPrefix(String prefix) {
    for (Channel channel : values()) {
      if (channel.prefix.equals(prefix)) {
        return channel;
      }
    }
    throw new IllegalArgumentException("unknown channel prefix: " + prefix);
  }
}
