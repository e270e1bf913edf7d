package pe.xofi.chat.outbound.send;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} value (RFC 9110 section 10.2.3): either delay-seconds or an
 * HTTP-date; anything else, or a date in the past, is no advice.
 */
public final class RetryAfter {

  private RetryAfter() {}

  public static Optional<Duration> parse(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String trimmed = value.trim();
    try {
      long seconds = Long.parseLong(trimmed);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration until = Duration.between(clock.instant(),
            ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        return until.isNegative() ? Optional.of(Duration.ZERO) : Optional.of(until);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }
}
