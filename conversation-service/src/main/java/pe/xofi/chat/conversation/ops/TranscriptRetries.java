package pe.xofi.chat.conversation.ops;

import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How the transcript projector waits out a member-database outage: the record that failed is tried
 * again after 0.5 s, doubling up to 30 s, for as long as the database is away, so no transcript
 * line is skipped (the projector only lets {@code MemberDataUnavailableException} reach the
 * container; anything else is logged and skipped by the projector itself).
 */
final class TranscriptRetries {

  static final long INITIAL_INTERVAL_MILLIS = 500;
  static final long MAX_INTERVAL_MILLIS = 30_000;

  private TranscriptRetries() {}

  /** The back-off between two tries of one record: never gives up. */
  static BackOff backOff() {
    ExponentialBackOff backOff = new ExponentialBackOff(INITIAL_INTERVAL_MILLIS, 2.0);
    backOff.setMaxInterval(MAX_INTERVAL_MILLIS);
    return backOff;
  }

  /** The container's error handler (spring-kafka's default would skip the record after 10 quick tries). */
  static DefaultErrorHandler errorHandler() {
    return new DefaultErrorHandler(backOff());
  }
}
