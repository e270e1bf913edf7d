package pe.xofi.chat.conversation.engine.receipt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the amount and the payment date of a receipt: labelled in a caption ({@code Monto: 500},
 * {@code Monto: S/ 1,250.50}, {@code Fecha: 2025-01-15}, {@code Fecha: 15/01/2025}) or bare in the
 * answer to a step of the receipt form ({@code 500}, {@code 15/01/2025}).
 */
public final class ReceiptCaption {

  private static final String AMOUNT = "(?:s/\\.?\\s*)?(-?[0-9][0-9.,]*)";
  private static final String DATE = "([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4})";

  private static final Pattern LABELLED_AMOUNT =
      Pattern.compile("monto\\s*:?\\s*" + AMOUNT, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern BARE_AMOUNT =
      Pattern.compile("^\\s*" + AMOUNT + "\\s*(?:soles)?\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern LABELLED_DATE =
      Pattern.compile("fecha\\s*:?\\s*" + DATE, Pattern.CASE_INSENSITIVE);
  private static final Pattern BARE_DATE = Pattern.compile("^\\s*" + DATE + "\\s*$");
  private static final Pattern DECIMAL_COMMA = Pattern.compile("^-?[0-9]+,[0-9]{2}$");

  private ReceiptCaption() {}

  /** The amount after "Monto" in a caption. */
  public static Optional<BigDecimal> labelledAmount(String caption) {
    return find(LABELLED_AMOUNT, caption).flatMap(ReceiptCaption::amount);
  }

  /** The date after "Fecha" in a caption. */
  public static Optional<LocalDate> labelledDate(String caption) {
    return find(LABELLED_DATE, caption).flatMap(ReceiptCaption::date);
  }

  /** The amount of an answer, labelled or bare. */
  public static Optional<BigDecimal> answeredAmount(String text) {
    Optional<BigDecimal> labelled = labelledAmount(text);
    return labelled.isPresent() ? labelled : find(BARE_AMOUNT, text).flatMap(ReceiptCaption::amount);
  }

  /** The date of an answer, labelled or bare. */
  public static Optional<LocalDate> answeredDate(String text) {
    Optional<LocalDate> labelled = labelledDate(text);
    return labelled.isPresent() ? labelled : find(BARE_DATE, text).flatMap(ReceiptCaption::date);
  }

  private static Optional<String> find(Pattern pattern, String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** {@code 1,250.50} and {@code 1250,50} are both 1250.50; commas elsewhere group thousands. */
  private static Optional<BigDecimal> amount(String number) {
    String trimmed = number.replaceAll("[.,]+$", "");
    String plain =
        DECIMAL_COMMA.matcher(trimmed).matches() ? trimmed.replace(',', '.') : trimmed.replace(",", "");
    try {
      return Optional.of(new BigDecimal(plain).setScale(2, RoundingMode.HALF_UP));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalDate> date(String text) {
    try {
      if (text.contains("-")) {
        String[] parts = text.split("-");
        return Optional.of(
            LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
      }
      String[] parts = text.split("/");
      return Optional.of(
          LocalDate.of(Integer.parseInt(parts[2]), Integer.parseInt(parts[1]), Integer.parseInt(parts[0])));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
