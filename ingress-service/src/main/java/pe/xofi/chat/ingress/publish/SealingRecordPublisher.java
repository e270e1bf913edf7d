package pe.xofi.chat.ingress.publish;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import pe.xofi.chat.membercrypto.EnvelopeSealer;
import pe.xofi.chat.schemas.Topic;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Seals the member data of every inbound envelope (raw JSON, sender name) with its conversation's
 * data key before anything is published, so {@code inbound-messages} never holds a DNI or a birth
 * year in clear. The data key is read (or created) in PostgreSQL for a conversation with no cached
 * key; when that cannot happen within the timeout the webhook fails like a broker outage (503) and
 * the provider retries it: nothing is published in clear instead.
 */
public final class SealingRecordPublisher implements RecordPublisher {

  private final RecordPublisher delegate;
  private final EnvelopeSealer sealer;
  private final Scheduler keyScheduler;
  private final Duration timeout;

  public SealingRecordPublisher(RecordPublisher delegate, EnvelopeSealer sealer, Scheduler keyScheduler, Duration timeout) {
    this.delegate = delegate;
    this.sealer = sealer;
    this.keyScheduler = keyScheduler;
    this.timeout = timeout;
  }

  @Override
  public Mono<Void> publishAll(List<PendingRecord<?>> records, String traceId) {
    if (!sealer.seals() || records.isEmpty()) {
      return delegate.publishAll(records, traceId);
    }
    return Mono.fromCallable(() -> records.stream().<PendingRecord<?>>map(this::sealed).toList())
        // the key read is JDBC: never on an event-loop thread
        .subscribeOn(keyScheduler)
        .timeout(timeout)
        .onErrorMap(error -> !(error instanceof PublishFailedException), error -> new PublishFailedException(
            error instanceof TimeoutException
                ? "the members' data keys did not answer within " + timeout.toMillis() + " ms"
                : "the members' data keys are unavailable: " + error.getClass().getSimpleName(),
            error))
        .flatMap(sealed -> delegate.publishAll(sealed, traceId));
  }

  @SuppressWarnings("unchecked")
  private PendingRecord<?> sealed(PendingRecord<?> record) {
    if (record.value() instanceof InboundEnvelope envelope) {
      return new PendingRecord<>((Topic<String, InboundEnvelope>) record.topic(), record.key(), sealer.seal(envelope));
    }
    return record;
  }
}
