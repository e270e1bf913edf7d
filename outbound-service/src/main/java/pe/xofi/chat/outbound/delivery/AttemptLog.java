package pe.xofi.chat.outbound.delivery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Remembers the attempts of replies still being retried, so that delivery events carry the attempt
 * count and the first attempt's time. Bounded: after a rebalance, replies this instance will never
 * finish are forgotten oldest first.
 */
@Component
public class AttemptLog {

  private static final int CAPACITY = 10_000;

  private final Map<String, Attempt> attempts =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Attempt> eldest) {
          return size() > CAPACITY;
        }
      };

  /** Records that an attempt to send reply {@code id} starts {@code now}. */
  public synchronized Attempt begin(String id, Instant now) {
    Attempt attempt = attempts.get(id);
    Attempt next = attempt == null ? new Attempt(1, now, now) : attempt.next(now);
    attempts.put(id, next);
    return next;
  }

  /** The latest attempt of reply {@code id}; a single attempt at {@code now} if none is known. */
  public synchronized Attempt current(String id, Instant now) {
    Attempt attempt = id == null ? null : attempts.get(id);
    return attempt == null ? new Attempt(1, now, now) : attempt;
  }

  /** Forgets reply {@code id} once its outcome is final. */
  public synchronized void end(String id) {
    if (id != null) {
      attempts.remove(id);
    }
  }
}
