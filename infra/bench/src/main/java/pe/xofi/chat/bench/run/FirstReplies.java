package pe.xofi.chat.bench.run;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The first reply of each webhook, from what the sandbox received: a receipt carries the
 * provider's message id, the outbound service's {@code SENT} event maps that id to the reply id
 * {@code <inbound id>#<n>}, and the inbound id gives the webhook's index. A receipt whose event
 * has not been read yet waits for it (and an event for its receipt).
 */
final class FirstReplies {

  private final ToLongFunction<String> indexOfInbound;
  private final Map<String, String> outboundIdByProviderId = new HashMap<>();
  private final Map<String, Long> receiptAtByProviderId = new HashMap<>();
  private final Map<Long, Long> firstAtByIndex = new HashMap<>();
  private long matched;
  private long foreign;

  /** {@code indexOfInbound}: a webhook's index from its message id, or -1 when it is not one of the run's. */
  FirstReplies(ToLongFunction<String> indexOfInbound) {
    this.indexOfInbound = indexOfInbound;
  }

  /** The outbound service reported reply {@code outboundId} sent as {@code providerMessageId}. */
  void sent(String providerMessageId, String outboundId) {
    Long at = receiptAtByProviderId.remove(providerMessageId);
    if (at == null) {
      outboundIdByProviderId.put(providerMessageId, outboundId);
    } else {
      resolve(outboundId, at);
    }
  }

  /** The sandbox received {@code providerMessageId} at {@code atMillis} (epoch). */
  void received(String providerMessageId, long atMillis) {
    String outboundId = outboundIdByProviderId.remove(providerMessageId);
    if (outboundId == null) {
      receiptAtByProviderId.merge(providerMessageId, atMillis, Math::min);
    } else {
      resolve(outboundId, atMillis);
    }
  }

  private void resolve(String outboundId, long atMillis) {
    int hash = outboundId.lastIndexOf('#');
    long index = hash < 0 ? -1 : indexOfInbound.applyAsLong(outboundId.substring(0, hash));
    if (index < 0) {
      foreign++;
      return;
    }
    matched++;
    firstAtByIndex.merge(index, atMillis, Math::min);
  }

  /** When the first reply to webhook {@code index} reached the sandbox (epoch ms), or -1. */
  long firstAt(long index) {
    return firstAtByIndex.getOrDefault(index, -1L);
  }

  /** How many of the webhooks {@code firstIndex…} marked {@code accepted} have a reply. */
  long replied(long firstIndex, boolean[] accepted) {
    long n = 0;
    for (int i = 0; i < accepted.length; i++) {
      if (accepted[i] && firstAtByIndex.containsKey(firstIndex + i)) {
        n++;
      }
    }
    return n;
  }

  /** Receipts matched to a webhook (every reply, not only the first). */
  long matched() {
    return matched;
  }

  /** Receipts whose reply answers no webhook of the run. */
  long foreign() {
    return foreign;
  }

  /** Receipts still waiting for their {@code SENT} event. */
  long unmatched() {
    return receiptAtByProviderId.size();
  }
}
