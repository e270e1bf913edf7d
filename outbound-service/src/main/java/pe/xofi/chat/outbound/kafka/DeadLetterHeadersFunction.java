package pe.xofi.chat.outbound.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import pe.xofi.chat.outbound.delivery.Attempt;
import pe.xofi.chat.outbound.delivery.AttemptLog;
import pe.xofi.chat.outbound.send.SendFailure;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import pe.xofi.chat.schemas.DeadLetterHeaders;

/**
 * The {@code xofi-dlt-*} headers of a dead-lettered reply: the error (never the provider's own text,
 * which may quote the member), the last status code, the attempts and their first and last times.
 */
final class DeadLetterHeadersFunction implements BiFunction<ConsumerRecord<?, ?>, Exception, Headers> {

  private final AttemptLog attempts;
  private final Clock clock;

  DeadLetterHeadersFunction(AttemptLog attempts, Clock clock) {
    this.attempts = attempts;
    this.clock = clock;
  }

  @Override
  public Headers apply(ConsumerRecord<?, ?> record, Exception exception) {
    Headers headers = new RecordHeaders();
    SendFailure failure = SendFailure.in(exception).orElse(null);
    if (failure == null) {
      Throwable root = exception;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      add(headers, DeadLetterHeaders.ERROR, root.getClass().getSimpleName());
      return headers;
    }
    String id = record.value() instanceof OutboundMessage message ? message.id() : null;
    Attempt attempt = attempts.current(id, clock.instant());
    add(headers, DeadLetterHeaders.ERROR, failure.getMessage());
    failure.statusCode().ifPresent(code -> add(headers, DeadLetterHeaders.STATUS_CODE, code.toString()));
    add(headers, DeadLetterHeaders.ATTEMPTS, Integer.toString(attempt.number()));
    add(headers, DeadLetterHeaders.FIRST_ATTEMPT_AT, attempt.first().toString());
    add(headers, DeadLetterHeaders.LAST_ATTEMPT_AT, attempt.last().toString());
    return headers;
  }

  private static void add(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
