package pe.xofi.chat.sandbox.receipt;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When each accepted send reached the sandbox, in milliseconds, numbered in arrival order, so a
 * benchmark can fetch them in bulk and match them to what it sent. Only the newest
 * {@code sandbox.receipt-limit} are kept.
 */
@Component
public class SendReceipts {

  private final List<SendReceipt> receipts = new ArrayList<>();
  private final Clock clock;
  private final int limit;
  private long dropped;

  public SendReceipts(Clock clock, @Value("${sandbox.receipt-limit:200000}") int limit) {
    this.clock = clock;
    this.limit = Math.max(1, limit);
  }

  /** Notes that the send {@code id} to {@code chat} was accepted now. */
  public synchronized void record(String id, String chat) {
    receipts.add(new SendReceipt(dropped + receipts.size(), id, chat, clock.millis()));
    if (receipts.size() > limit) {
      int excess = receipts.size() - limit;
      receipts.subList(0, excess).clear();
      dropped += excess;
    }
  }

  /** The receipts numbered {@code after} or later, at most {@code max} of them. */
  public synchronized List<SendReceipt> since(long after, int max) {
    int from = (int) Math.max(0, Math.min(receipts.size(), after - dropped));
    int to = Math.min(receipts.size(), from + Math.max(0, max));
    return List.copyOf(receipts.subList(from, to));
  }

  /** Forgets every receipt; numbering goes on. */
  public synchronized void clear() {
    dropped += receipts.size();
    receipts.clear();
  }
}
