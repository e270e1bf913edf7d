package pe.xofi.chat.ingress.publish;

import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.springframework.kafka.core.KafkaTemplate;
import pe.xofi.chat.ingress.metrics.IngressMetrics;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes a webhook's records with an idempotent {@code acks=all} producer and succeeds only when
 * every record is acknowledged within the publish timeout. A record larger than the producer may send
 * fails the webhook before any record is sent, with {@link RecordTooLargeException}: retrying it can
 * never succeed, so it must not be answered like an outage.
 */
public class KafkaRecordPublisher implements RecordPublisher {

  /** Kafka's default {@code max.request.size}, 1 MiB. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 1_048_576;

  private final KafkaTemplate<byte[], byte[]> template;
  private final Scheduler sendScheduler;
  private final Duration timeout;
  private final IngressMetrics metrics;
  private final int maxRecordBytes;

  public KafkaRecordPublisher(
      KafkaTemplate<byte[], byte[]> template,
      Scheduler sendScheduler,
      Duration timeout,
      IngressMetrics metrics,
      int maxRecordBytes) {
    this.template = template;
    this.sendScheduler = sendScheduler;
    this.timeout = timeout;
    this.metrics = metrics;
    this.maxRecordBytes = maxRecordBytes;
  }

  /** A publisher for a producer with Kafka's default {@code max.request.size}. */
  public KafkaRecordPublisher(
      KafkaTemplate<byte[], byte[]> template,
      Scheduler sendScheduler,
      Duration timeout,
      IngressMetrics metrics) {
    this(template, sendScheduler, timeout, metrics, DEFAULT_MAX_RECORD_BYTES);
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
  // on the partition (the idempotent producer keeps it across retries). Every record is serialized
  // and measured first, so a webhook with one record too large publishes none.
  private CompletableFuture<Void> sendInOrder(List<PendingRecord<?>> records, String traceId) {
    List<ProducerRecord<byte[], byte[]>> wire =
        records.stream().map(record -> record.toProducerRecord(traceId)).toList();
    for (ProducerRecord<byte[], byte[]> record : wire) {
      int size = AbstractRecords.estimateSizeInBytesUpperBound(
          RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE, record.key(), record.value(),
          record.headers().toArray());
      if (size > maxRecordBytes) {
        throw new RecordTooLargeException(
            "a record of " + size + " bytes on " + record.topic() + ", over the " + maxRecordBytes
                + " bytes Kafka accepts", null);
      }
    }
    CompletableFuture<?>[] acks = new CompletableFuture<?>[wire.size()];
    try {
      for (int i = 0; i < acks.length; i++) {
        acks[i] = template.send(wire.get(i));
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

  private RuntimeException failed(Throwable error, Timer.Sample sample) {
    if (error instanceof RecordTooLargeException tooLarge) {
      metrics.publishFinished(sample, "too_large");
      return tooLarge;
    }
    // the broker's own limit (the topic's max.message.bytes) can be lower than the producer's
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof org.apache.kafka.common.errors.RecordTooLargeException refused) {
        metrics.publishFinished(sample, "too_large");
        return new RecordTooLargeException("Kafka refused a record as too large", refused);
      }
    }
    boolean timedOut = error instanceof TimeoutException;
    metrics.publishFinished(sample, timedOut ? "timeout" : "failed");
    return new PublishFailedException(
        timedOut
            ? "Kafka did not acknowledge within " + timeout.toMillis() + " ms"
            : "Kafka did not acknowledge: " + error.getClass().getSimpleName(),
        error);
  }
}
