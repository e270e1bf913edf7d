package pe.xofi.chat.sandbox.chat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.stereotype.Component;
import pe.xofi.chat.sandbox.SandboxProperties;
import pe.xofi.chat.sandbox.receipt.SendReceipts;

/**
 * Everything sent and received, in arrival order; once {@code sandbox.history-limit} messages are
 * held, the oldest are forgotten so a long-running sandbox stays small.
 */
@Component
public class ChatLog {

  private final Deque<SandboxMessage> messages = new ArrayDeque<>();
  private final int limit;
  private final SendReceipts receipts;

  public ChatLog(SandboxProperties properties, SendReceipts receipts) {
    this.limit = Math.max(1, properties.historyLimit());
    this.receipts = receipts;
  }

  /** Appends {@code message} after every message recorded before it. */
  public synchronized void record(SandboxMessage message) {
    messages.addLast(message);
    if (message.direction() == Direction.OUTBOUND) {
      receipts.record(message.id(), message.chat());
    }
    while (messages.size() > limit) {
      messages.removeFirst();
    }
  }

  /** The messages of {@code direction}, for one chat or (with a null chat) for all. */
  public synchronized List<SandboxMessage> list(Direction direction, String chat) {
    return messages.stream()
        .filter(m -> direction == null || m.direction() == direction)
        .filter(m -> chat == null || m.chat().equals(chat))
        .toList();
  }

  /** Forgets the messages of one chat, or (with a null chat) everything. */
  public synchronized void clear(String chat) {
    if (chat == null) {
      messages.clear();
    } else {
      messages.removeIf(m -> m.chat().equals(chat));
    }
  }
}
