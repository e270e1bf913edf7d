package pe.xofi.chat.ingress.publish;

import java.util.List;
import reactor.core.publisher.Mono;

/** The port webhooks publish through: it completes only when the broker holds every record. */
public interface RecordPublisher {

  /**
   * Publishes {@code records} in order under one trace id; completes empty once all are
   * acknowledged, or fails with {@link PublishFailedException} when any is not acknowledged in time.
   */
  Mono<Void> publishAll(List<PendingRecord<?>> records, String traceId);
}
