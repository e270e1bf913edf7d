package pe.xofi.chat.schemas;

/**
 * Headers of {@code outbound-messages-dlt} records (besides spring-kafka's {@code kafka_dlt-*}) and of
 * replies redriven from it. Values are UTF-8 text; times are ISO-8601 instants.
 */
public final class DeadLetterHeaders {

  /** Why the reply was given up, without personal data (e.g. {@code WHAPI answered 400}). */
  public static final String ERROR = "xofi-dlt-error";

  /** The provider's last HTTP status, absent when it never answered. */
  public static final String STATUS_CODE = "xofi-dlt-status-code";

  /** How many send attempts were made. */
  public static final String ATTEMPTS = "xofi-dlt-attempts";

  /** When the first attempt started. */
  public static final String FIRST_ATTEMPT_AT = "xofi-dlt-first-attempt-at";

  /** When the last attempt started. */
  public static final String LAST_ATTEMPT_AT = "xofi-dlt-last-attempt-at";

  /** On a redriven reply: {@code <dlt partition>@<dlt offset>} it was copied from. */
  public static final String REDRIVEN_FROM = "xofi-redriven-from";

  private DeadLetterHeaders() {}
}
