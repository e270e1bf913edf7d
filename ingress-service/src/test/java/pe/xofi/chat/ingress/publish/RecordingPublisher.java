package pe.xofi.chat.ingress.publish;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/** A publisher port that keeps what it was asked to publish, or fails like an unreachable broker. */
public final class RecordingPublisher implements RecordPublisher {

  /** One call of {@link #publishAll}. */
  public record Published(List<PendingRecord<?>> records, String traceId) {}

  private final List<Published> published = new CopyOnWriteArrayList<>();
  private volatile boolean brokerDown;

  @Override
  public Mono<Void> publishAll(List<PendingRecord<?>> records, String traceId) {
    return Mono.defer(
        () -> {
          if (brokerDown) {
            return Mono.error(
                new PublishFailedException("Kafka did not acknowledge within 5000 ms", null));
          }
          if (!records.isEmpty()) {
            published.add(new Published(List.copyOf(records), traceId));
          }
          return Mono.empty();
        });
  }

  /** Every non-empty publish so far, in order. */
  public List<Published> published() {
    return List.copyOf(published);
  }

  /** Makes every following publish fail. */
  public void brokerDown(boolean down) {
    this.brokerDown = down;
  }

  /** Forgets everything, for the next test. */
  public void reset() {
    published.clear();
    brokerDown = false;
  }
}
