package pe.xofi.chat.conversation.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the bot writes amounts, dates, times and masked ids: soles as {@code S/ 1,250.50}, dates as
 * {@code 15/12/2026}, clock times in Lima as {@code 10:45}, a DNI as {@code *****678}.
 */
public final class Formats {

  /** The members' time zone: "today" and clock times are Lima's. */
  public static final ZoneId LIMA = ZoneId.of("America/Lima");

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final int DNI_VISIBLE_DIGITS = 3;

  private Formats() {}

  /** {@code S/ 1,250.50}. */
  public static String soles(BigDecimal amount) {
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
    return "S/ " + format.format(amount.setScale(2, RoundingMode.HALF_UP));
  }

  /** {@code 15/12/2026}. */
  public static String date(LocalDate date) {
    return DATE.format(date);
  }

  /** The clock time in Lima of {@code instant}, {@code 10:45}. */
  public static String limaTime(Instant instant) {
    return TIME.format(instant.atZone(LIMA));
  }

  /** The calendar day in Lima of {@code instant}. */
  public static LocalDate limaDate(Instant instant) {
    return instant.atZone(LIMA).toLocalDate();
  }

  /** A percentage with two decimals, {@code 18.00 %}. */
  public static String percent(BigDecimal rate) {
    return rate.setScale(2, RoundingMode.HALF_UP).toPlainString() + " %";
  }

  /** A DNI with all but its last three digits masked: {@code *****678}. */
  public static String maskedDni(String dni) {
    int keep = Math.min(DNI_VISIBLE_DIGITS, dni.length());
    return "*".repeat(dni.length() - keep) + dni.substring(dni.length() - keep);
  }

  /** {@code 1 cuota}, {@code 2 cuotas}. */
  public static String installments(int count) {
    return count + (count == 1 ? " cuota" : " cuotas");
  }
}
