package pe.xofi.chat.schemas.inbound;

/** The API a message came through or is sent with. */
public enum Provider {
  WHAPI(Channel.WHATSAPP),
  META(Channel.WHATSAPP),
  TELEGRAM(Channel.TELEGRAM);

  private final Channel channel;

  Provider(Channel channel) {
    this.channel = channel;
  }

  public Channel channel() {
    return channel;
  }
}
