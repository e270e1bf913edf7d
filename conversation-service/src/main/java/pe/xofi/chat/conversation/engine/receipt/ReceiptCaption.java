package pe.xofi.chat.conversation.engine.receipt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import pe.xofi.chat.schemas.inbound.InputLimits;

/**
 * Reads the amount and the payment date of a receipt: labelled in a caption ({@code Monto: 500},
 * {@code Monto: S/ 1,250.50}, {@code Fecha: 2025-01-15}, {@code Fecha: 15/01/2025}) or bare in the
 * answer to a step of the receipt form ({@code 500}, {@code 15/01/2025}).
 *
 * <p>Member text is read by a single forward scan over at most {@link InputLimits#TEXT} characters,
 * never by a backtracking pattern: the regexes this replaces tried every split of a run of spaces
 * between two {@code \s*}, so "monto", 16,000 spaces and "x" took 2.5 s (security review H2).
 */
public final class ReceiptCaption {

  /** Longest number read as an amount; no amount a receipt holds is written with more characters. */
  static final int MAX_NUMBER_LENGTH = 64;

  private static final String AMOUNT_LABEL = "monto";
  private static final String DATE_LABEL = "fecha";
  private static final String SOLES = "soles";

  private ReceiptCaption() {}

  /** The amount after "Monto" in a caption. */
  public static Optional<BigDecimal> labelledAmount(String caption) {
    if (caption == null) {
      return Optional.empty();
    }
    String text = InputLimits.cut(caption, InputLimits.TEXT);
    for (int label = indexOfIgnoreCase(text, AMOUNT_LABEL, 0);
        label >= 0;
        label = indexOfIgnoreCase(text, AMOUNT_LABEL, label + 1)) {
      int start = numberStart(text, afterColon(text, label + AMOUNT_LABEL.length()));
      int end = numberEnd(text, start);
      if (end >= 0) {
        return amount(text.substring(start, end));
      }
    }
    return Optional.empty();
  }

  /** The date after "Fecha" in a caption. */
  public static Optional<LocalDate> labelledDate(String caption) {
    if (caption == null) {
      return Optional.empty();
    }
    String text = InputLimits.cut(caption, InputLimits.TEXT);
    for (int label = indexOfIgnoreCase(text, DATE_LABEL, 0);
        label >= 0;
        label = indexOfIgnoreCase(text, DATE_LABEL, label + 1)) {
      int start = afterColon(text, label + DATE_LABEL.length());
      int end = dateEnd(text, start);
      if (end >= 0) {
        return date(text.substring(start, end));
      }
    }
    return Optional.empty();
  }

  /** The amount of an answer, labelled or bare ({@code 500}, {@code S/ 500}, {@code 500 soles}). */
  public static Optional<BigDecimal> answeredAmount(String text) {
    Optional<BigDecimal> labelled = labelledAmount(text);
    if (labelled.isPresent() || text == null) {
      return labelled;
    }
    String answer = InputLimits.cut(text, InputLimits.TEXT);
    int start = numberStart(answer, skipSpaces(answer, 0));
    int end = numberEnd(answer, start);
    if (end < 0) {
      return Optional.empty();
    }
    int after = skipSpaces(answer, end);
    if (answer.regionMatches(true, after, SOLES, 0, SOLES.length())) {
      after = skipSpaces(answer, after + SOLES.length());
    }
    return atEnd(answer, after) ? amount(answer.substring(start, end)) : Optional.empty();
  }

  /** The date of an answer, labelled or bare. */
  public static Optional<LocalDate> answeredDate(String text) {
    Optional<LocalDate> labelled = labelledDate(text);
    if (labelled.isPresent() || text == null) {
      return labelled;
    }
    String answer = InputLimits.cut(text, InputLimits.TEXT);
    int start = skipSpaces(answer, 0);
    int end = dateEnd(answer, start);
    return end >= 0 && atEnd(answer, skipSpaces(answer, end))
        ? date(answer.substring(start, end))
        : Optional.empty();
  }

  /** Where the text after a label starts: spaces, an optional colon, spaces. */
  private static int afterColon(String text, int at) {
    int i = skipSpaces(text, at);
    return i < text.length() && text.charAt(i) == ':' ? skipSpaces(text, i + 1) : i;
  }

  /**
   * Where the number of an amount at {@code at} starts, after an optional {@code S/}, dot and
   * spaces; when no number follows the prefix there is no amount either way.
   */
  private static int numberStart(String text, int at) {
    if (text.regionMatches(true, at, "s/", 0, 2)) {
      int i = at + 2;
      if (i < text.length() && text.charAt(i) == '.') {
        i++;
      }
      return skipSpaces(text, i);
    }
    return at;
  }

  /**
   * The end of the number at {@code at} (an optional minus, a digit, then digits, dots and commas),
   * or -1 when there is none.
   */
  private static int numberEnd(String text, int at) {
    int i = at;
    if (i < text.length() && text.charAt(i) == '-') {
      i++;
    }
    if (i >= text.length() || !isDigit(text.charAt(i))) {
      return -1;
    }
    while (i < text.length() && (isDigit(text.charAt(i)) || text.charAt(i) == '.' || text.charAt(i) == ',')) {
      i++;
    }
    return i;
  }

  /**
   * The end of a date at {@code at}, {@code yyyy-m-d} or {@code d/m/yyyy} with one or two digits for
   * day and month, or -1 when there is none; what follows the date is not looked at.
   */
  private static int dateEnd(String text, int at) {
    if (digits(text, at, 4) == 4 && charAt(text, at + 4) == '-') {
      int month = digits(text, at + 5, 2);
      if (month > 0 && charAt(text, at + 5 + month) == '-') {
        int day = digits(text, at + 6 + month, 2);
        if (day > 0) {
          return at + 6 + month + day;
        }
      }
    }
    int day = digits(text, at, 2);
    if (day > 0 && charAt(text, at + day) == '/') {
      int month = digits(text, at + day + 1, 2);
      if (month > 0 && charAt(text, at + day + 1 + month) == '/'
          && digits(text, at + day + 2 + month, 4) == 4) {
        return at + day + 2 + month + 4;
      }
    }
    return -1;
  }

  /** How many digits, at most {@code max}, start at {@code at}. */
  private static int digits(String text, int at, int max) {
    int count = 0;
    while (count < max && isDigit(charAt(text, at + count))) {
      count++;
    }
    return count;
  }

  /** {@code 1,250.50} and {@code 1250,50} are both 1250.50; commas elsewhere group thousands. */
  private static Optional<BigDecimal> amount(String number) {
    int end = number.length();
    while (end > 0 && (number.charAt(end - 1) == '.' || number.charAt(end - 1) == ',')) {
      end--;
    }
    if (end > MAX_NUMBER_LENGTH) {
      // BigDecimal reads a long digit string in more than linear time, and no receipt holds it
      return Optional.empty();
    }
    String trimmed = number.substring(0, end);
    String plain = decimalComma(trimmed) ? trimmed.replace(',', '.') : trimmed.replace(",", "");
    try {
      return Optional.of(new BigDecimal(plain).setScale(2, RoundingMode.HALF_UP));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code number} is digits, one comma and two digits, as in {@code 1250,50}. */
  private static boolean decimalComma(String number) {
    int comma = number.indexOf(',');
    int first = number.startsWith("-") ? 1 : 0;
    return comma > first
        && comma == number.length() - 3
        && digits(number, first, comma - first) == comma - first
        && digits(number, comma + 1, 2) == 2;
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

  /** The first index at or after {@code from} where {@code word} starts, whatever the case, else -1. */
  private static int indexOfIgnoreCase(String text, String word, int from) {
    for (int i = from; i <= text.length() - word.length(); i++) {
      if (text.regionMatches(true, i, word, 0, word.length())) {
        return i;
      }
    }
    return -1;
  }

  private static int skipSpaces(String text, int at) {
    int i = at;
    while (i < text.length() && isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The end of the text, or only a final line terminator left (where {@code $} matched before). */
  private static boolean atEnd(String text, int at) {
    return at == text.length()
        || at == text.length() - 1 && "\u0085\u2028\u2029".indexOf(text.charAt(at)) >= 0;
  }

  /** The whitespace of {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static char charAt(String text, int at) {
    return at < text.length() ? text.charAt(at) : '\0';
  }
}
