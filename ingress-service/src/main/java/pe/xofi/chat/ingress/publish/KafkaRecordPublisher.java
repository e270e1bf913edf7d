package pe.xofi.chat.ingress.publish;

import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import pe.xofi.chat.ingress.metrics.IngressMetrics;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes a webhook's records with an idempotent {@code acks=all} producer and succeeds only when
 * every record is acknowledged within the publish timeout.
 */
public class KafkaRecordPublisher implements RecordPublisher {

  private final KafkaTemplate<byte[], byte[]> template;
  private final Scheduler sendScheduler;
  private final Duration timeout;
  private final IngressMetrics metrics;

  public KafkaRecordPublisher(
      KafkaTemplate<byte[], byte[]> template,
      Scheduler sendScheduler,
      Duration timeout,
      IngressMetrics metrics) {
    this.template = template;
    this.sendScheduler = sendScheduler;
    this.timeout = timeout;
    this.metrics = metrics;
  }

  @Override
  public Mono<Void> publishAll(List<PendingRecord<?>> records, String traceId) {
    if (records.isEmpty()) {
      return Mono.empty();
    }
    return Mono.defer(
        () -> {
          Timer.Sample sample = metrics.startPublish();
          return Mono.fromCallable(() -> sendInOrder(records, traceId))
              // send() blocks while the producer has no metadata (broker down, up to
              // max.block.ms), which must never happen on a Netty event-loop thread
              .subscribeOn(sendScheduler)
              .flatMap(acks -> Mono.fromFuture(acks, true))
              // the acks complete on the producer's one network thread: answering the webhook
              // there (JSON, metrics, logs, Netty write) starved the producer; ./xofi bench
              // measured 68 % of that thread spent on answers before this hop
              .publishOn(Schedulers.parallel())
              .timeout(timeout)
              .doOnSuccess(ignored -> countPublished(records, sample))
              .onErrorMap(
                  error -> !(error instanceof PublishFailedException),
                  error -> failed(error, sample));
        });
  }

  // One thread sends the records in list order, so records of one conversation keep their order
  // on the partition (the idempotent producer keeps it across retries).
  private CompletableFuture<Void> sendInOrder(List<PendingRecord<?>> records, String traceId) {
    CompletableFuture<?>[] acks = new CompletableFuture<?>[records.size()];
    try {
      for (int i = 0; i < acks.length; i++) {
        acks[i] = template.send(records.get(i).toProducerRecord(traceId));
      }
    } catch (RuntimeException e) {
      // a send that times out on metadata, or is interrupted because the webhook already timed
      // out, fails the webhook like a missing ack does instead of escaping a cancelled task
      return CompletableFuture.failedFuture(e);
    }
    return CompletableFuture.allOf(acks);
  }

  private void countPublished(List<PendingRecord<?>> records, Timer.Sample sample) {
    metrics.publishFinished(sample, "acked");
    records.stream()
        .map(PendingRecord::topic)
        .distinct()
        .forEach(
            topic ->
                metrics.published(
                    topic, (int) records.stream().filter(r -> r.topic().equals(topic)).count()));
  }

  private PublishFailedException failed(Throwable error, Timer.Sample sample) {
    boolean timedOut = error instanceof TimeoutException;
    metrics.publishFinished(sample, timedOut ? "timeout" : "failed");
    return new PublishFailedException(
        timedOut
            ? "Kafka did not acknowledge within " + timeout.toMillis() + " ms"
            : "Kafka did not acknowledge: " + error.getClass().getSimpleName(),
        error);
  }
}
