package pe.xofi.chat.outbound.kafka;

import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import pe.xofi.chat.outbound.send.SendFailure;
import pe.xofi.chat.schemas.DeadLetterHeaders;

/**
 * The {@code xofi-dlt-*} headers of a dead-lettered reply: the error (never the provider's own text,
 * which may quote the member), the last status code, the attempts and their first and last times.
 */
final class DeadLetterHeadersFunction implements BiFunction<ConsumerRecord<?, ?>, Exception, Headers> {

  @Override
  public Headers apply(ConsumerRecord<?, ?> record, Exception exception) {
    Headers headers = new RecordHeaders();
    GaveUp gaveUp = find(exception);
    if (gaveUp == null) {
      Throwable root = exception;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      add(headers, DeadLetterHeaders.ERROR, SendFailure.in(exception)
          .map(Throwable::getMessage).orElse(root.getClass().getSimpleName()));
      return headers;
    }
    SendFailure failure = gaveUp.failure();
    add(headers, DeadLetterHeaders.ERROR, failure.getMessage());
    failure.statusCode().ifPresent(code -> add(headers, DeadLetterHeaders.STATUS_CODE, code.toString()));
    add(headers, DeadLetterHeaders.ATTEMPTS, Integer.toString(gaveUp.attempt().number()));
    add(headers, DeadLetterHeaders.FIRST_ATTEMPT_AT, gaveUp.attempt().first().toString());
    add(headers, DeadLetterHeaders.LAST_ATTEMPT_AT, gaveUp.attempt().last().toString());
    return headers;
  }

  private static GaveUp find(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof GaveUp gaveUp) {
        return gaveUp;
      }
    }
    return null;
  }

  private static void add(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
