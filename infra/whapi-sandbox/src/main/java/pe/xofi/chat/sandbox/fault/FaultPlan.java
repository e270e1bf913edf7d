package pe.xofi.chat.sandbox.fault;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code POST /sandbox/faults} asks for. Any combination: the next {@code next} sends (or every
 * send for {@code forSeconds} seconds) are answered with {@code status} ({@code 0} or {@code timeout}
 * holds the answer for {@code timeoutSeconds} and then answers 504), and {@code rateLimit} sends per
 * second are accepted, the rest answered 429.
 *
 * @param next              how many of the coming sends fail; null for none
 * @param forSeconds        for how long from now every send fails; null for none
 * @param status            the HTTP status of the failures (429, 500, 503, ...)
 * @param timeout           whether the failure is a timeout instead of a status
 * @param timeoutSeconds    how long a timeout holds the answer (default 30)
 * @param retryAfterSeconds the {@code Retry-After} of a 429, or null for none
 * @param rateLimit         sends per second accepted (a token bucket with a burst of one second),
 *                          above it 429; null or 0 for no limit
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultPlan(
    Integer next, Integer forSeconds, Integer status, Boolean timeout, Integer timeoutSeconds,
    Integer retryAfterSeconds, Integer rateLimit) {

  boolean isTimeout() {
    return Boolean.TRUE.equals(timeout);
  }
}
