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
import pe.xofi.chat.schemas.DeadLetterReason;

/**
 * The {@code xofi-dlt-*} headers of a dead-lettered reply: source, group and exception ({@link
 * DeadLetterReason}), the error (for a send failure our own words, never the provider's text, which
 * may quote the member), the last status code, the attempts and their first and last times.
 */
final class DeadLetterHeadersFunction implements BiFunction<ConsumerRecord<?, ?>, Exception, Headers> {

  private final AttemptLog attempts;
  private final Clock clock;
  private final String group;

  DeadLetterHeadersFunction(AttemptLog attempts, Clock clock, String group) {
    this.attempts = attempts;
    this.clock = clock;
    this.group = group;
  }

  @Override
  public Headers apply(ConsumerRecord<?, ?> record, Exception exception) {
    Headers headers =
        DeadLetterReason.of(exception, record.topic(), record.partition(), record.offset(), group, clock.instant())
            .writeTo(new RecordHeaders());
    SendFailure failure = SendFailure.in(exception).orElse(null);
    if (failure == null) {
      return headers;
    }
    String id = record.value() instanceof OutboundMessage message ? message.id() : null;
    Attempt attempt = attempts.current(id, clock.instant());
    headers.remove(DeadLetterHeaders.ERROR);
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
