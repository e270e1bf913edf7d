package pe.xofi.chat.outbound.media;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Which addresses a media download may connect to outside the local profile: only public unicast
 * ones, never loopback, private (RFC 1918, IPv6 unique local), link-local (cloud metadata at
 * 169.254.169.254), carrier-grade NAT, unspecified, multicast or reserved ranges, nor an IPv6
 * address that embeds one of those.
 */
public final class PublicAddresses {

  private PublicAddresses() {}

  public static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xFF;
      int second = b[1] & 0xFF;
      return first != 0
          && !(first == 100 && second >= 64 && second <= 127)  // carrier-grade NAT, 100.64.0.0/10
          && !(first == 192 && second == 0 && (b[2] & 0xFF) == 0)  // IETF protocol assignments
          && !(first == 198 && (second == 18 || second == 19))  // benchmarking
          && first < 240;  // reserved and broadcast
    }
    if (address instanceof Inet6Address) {
      if ((b[0] & 0xFE) == 0xFC) {
        return false;  // unique local, fc00::/7
      }
      if (allZero(b, 0, 12)) {
        return false;  // IPv4-compatible ::a.b.c.d and the unspecified address
      }
      boolean nat64 = (b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF
          && (b[3] & 0xFF) == 0x9B && allZero(b, 4, 12);
      boolean sixToFour = (b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02;
      if (nat64) {
        return isPublic(v4(Arrays.copyOfRange(b, 12, 16)));
      }
      if (sixToFour) {
        return isPublic(v4(Arrays.copyOfRange(b, 2, 6)));
      }
    }
    return true;
  }

  private static boolean allZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static InetAddress v4(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are an IPv4 address", e);
    }
  }
}
