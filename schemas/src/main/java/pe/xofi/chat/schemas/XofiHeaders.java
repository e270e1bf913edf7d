package pe.xofi.chat.schemas;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Names and helpers for the headers every record of the pipeline carries. */
public final class XofiHeaders {

  /** Trace id shared by every record caused by one webhook. */
  public static final String TRACE_ID = "xofi-trace-id";

  /** Version of the value's JSON Schema ({@link Topic#schemaVersion()}). */
  public static final String SCHEMA_VERSION = "xofi-schema-version";

  private XofiHeaders() {}

  /** Adds the trace id and the topic's schema version to {@code headers}. */
  public static void stamp(Headers headers, Topic<?, ?> topic, String traceId) {
    headers.remove(TRACE_ID);
    headers.remove(SCHEMA_VERSION);
    headers.add(TRACE_ID, traceId.getBytes(StandardCharsets.UTF_8));
    headers.add(SCHEMA_VERSION, Integer.toString(topic.schemaVersion()).getBytes(StandardCharsets.UTF_8));
  }

  /** The trace id of {@code headers}, or a new one when the record carries none. */
  public static String traceId(Headers headers) {
    Header header = headers == null ? null : headers.lastHeader(TRACE_ID);
    return header == null ? newTraceId() : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** A fresh random trace id. */
  public static String newTraceId() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
