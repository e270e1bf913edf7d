package pe.xofi.chat.sandbox.whapi;

import java.security.SecureRandom;
import java.util.Base64;

/** Message ids shaped like WHAPI's: URL-safe random text, incoming ones prefixed {@code p.}. */
public final class WhapiIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private WhapiIds() {}

  /** An id for a message the bot sent, e.g. {@code Xy3kq0Lw-9dRtVZp2mQa4g}. */
  public static String sent() {
    return random(16);
  }

  /** An id for a message a member wrote, e.g. {@code p.w30M7fgwWD4XwHu.g4CA-gBgTwl0rVw}. */
  public static String incoming() {
    return "p." + random(24).replace('_', '.');
  }

  private static String random(int bytes) {
    byte[] buffer = new byte[bytes];
    RANDOM.nextBytes(buffer);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
  }
}
