package pe.xofi.chat.schemas;

/**
 * Headers of dead-letter records ({@code <topic>-dlt}, besides spring-kafka's {@code kafka_dlt-*}
 * where a listener wrote them) and of records redriven from them. Values are UTF-8 text; times are
 * ISO-8601 instants. Every dead letter carries the source coordinates, the consumer group, the
 * exception class and the error; a reply the outbound service gave up on also carries the status
 * code and its attempts.
 */
public final class DeadLetterHeaders {

  /** Why the record was given up (e.g. {@code WHAPI answered 400}, or the failure's message). */
  public static final String ERROR = "xofi-dlt-error";

  /** Fully qualified class of the failure (the innermost cause, wrappers removed). */
  public static final String EXCEPTION = "xofi-dlt-exception";

  /** The topic the record was read from (what a redrive writes back to). */
  public static final String SOURCE_TOPIC = "xofi-dlt-source-topic";

  /** The partition the record was read from. */
  public static final String SOURCE_PARTITION = "xofi-dlt-source-partition";

  /** The offset the record was read from. */
  public static final String SOURCE_OFFSET = "xofi-dlt-source-offset";

  /** The consumer group (or Kafka Streams application id) that gave the record up. */
  public static final String CONSUMER_GROUP = "xofi-dlt-consumer-group";

  /** When the record was given up. */
  public static final String DEAD_LETTERED_AT = "xofi-dlt-at";

  /** The provider's last HTTP status, absent when it never answered. */
  public static final String STATUS_CODE = "xofi-dlt-status-code";

  /** How many send attempts were made. */
  public static final String ATTEMPTS = "xofi-dlt-attempts";

  /** When the first attempt started. */
  public static final String FIRST_ATTEMPT_AT = "xofi-dlt-first-attempt-at";

  /** When the last attempt started. */
  public static final String LAST_ATTEMPT_AT = "xofi-dlt-last-attempt-at";

  /** On a redriven record: {@code <dlt partition>@<dlt offset>} it was copied from. */
  public static final String REDRIVEN_FROM = "xofi-redriven-from";

  /** Prefix of every failure header: a redrive drops them from the copy. */
  public static final String FAILURE_PREFIX = "xofi-dlt-";

  private DeadLetterHeaders() {}
}
