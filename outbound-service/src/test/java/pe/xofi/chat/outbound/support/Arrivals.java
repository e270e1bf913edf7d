package pe.xofi.chat.outbound.support;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * When sends reached the provider, sorted, in one unit (the sandbox's receipts: milliseconds), and
 * what figure 5 of {@code ./xofi bench} judges them by: the most in any sliding half-open window and
 * the mean rate from the first to the last.
 *
 * @param sorted the instants, ascending
 */
public record Arrivals(long[] sorted) {

  public Arrivals {
    sorted = sorted.clone();
    Arrays.sort(sorted);
  }

  /** The instants of {@code instants}, in any order. */
  public static Arrivals of(Collection<Long> instants) {
    return new Arrivals(instants.stream().mapToLong(Long::longValue).toArray());
  }

  /** The arrival times (ms) of the sandbox's receipts {@code GET /sandbox/receipts} for {@code chats}. */
  public static Arrivals ofReceipts(JsonNode receipts, Set<String> chats) {
    return new Arrivals(receipts.valueStream()
        .filter(receipt -> chats.contains(receipt.get("chat").asString()))
        .mapToLong(receipt -> receipt.get("at").asLong())
        .toArray());
  }

  public int count() {
    return sorted.length;
  }

  /** The most instants inside any window {@code [t, t + window)}, whatever {@code t}. */
  public int maxInAnyWindow(long window) {
    int best = 0;
    int from = 0;
    for (int to = 0; to < sorted.length; to++) {
      while (sorted[to] - sorted[from] >= window) {
        from++;
      }
      best = Math.max(best, to - from + 1);
    }
    return best;
  }

  /** Arrivals per second from the first to the last, the instants being milliseconds. */
  public double meanPerSecond() {
    return sorted.length < 2 ? 0 : (sorted.length - 1) * 1000.0 / (sorted[sorted.length - 1] - sorted[0]);
  }
}
