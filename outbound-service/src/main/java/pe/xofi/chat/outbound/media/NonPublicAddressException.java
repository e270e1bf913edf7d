package pe.xofi.chat.outbound.media;

import java.net.UnknownHostException;

/** A media host name resolved to an address a download may not connect to ({@link PublicAddresses}). */
final class NonPublicAddressException extends UnknownHostException {

  private final String host;

  NonPublicAddressException(String host) {
    super(host + " resolves to an address that is not public");
    this.host = host;
  }

  String host() {
    return host;
  }
}
