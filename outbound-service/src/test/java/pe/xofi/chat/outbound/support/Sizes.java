package pe.xofi.chat.outbound.support;

import java.time.Duration;

/**
 * Sizes of the load tests: the short form by default, the long form (2,000 replies, a 60-second
 * outage) with {@code -Dxofi.long-tests=true} ({@code ./xofi test-long}).
 */
public final class Sizes {

  public static final boolean LONG = Boolean.getBoolean("xofi.long-tests");

  /** Members in the rate-conformance backlog, ten replies each. */
  public static final int BACKLOG_MEMBERS = LONG ? 200 : 20;

  /** How long the provider is down in the outage test. */
  public static final Duration OUTAGE = LONG ? Duration.ofSeconds(60) : Duration.ofSeconds(10);

  private Sizes() {}
}
