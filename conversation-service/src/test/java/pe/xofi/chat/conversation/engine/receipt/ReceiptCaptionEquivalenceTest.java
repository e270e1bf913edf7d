package pe.xofi.chat.conversation.engine.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The linear scanner reads every short caption and answer exactly as the regexes it replaced did:
 * the regexes are kept here as the reference, run on texts built from the pieces they react to
 * (labels, colons, spaces, {@code S/}, separators, digits, {@code soles}, line terminators).
 */
class ReceiptCaptionEquivalenceTest {

  @Property(tries = 3000)
  void shouldReadTheSameAmountsAndDatesAsTheFormerRegexes(@ForAll("captions") String text) {
    // when
    List<Object> scanned = List.of(
        ReceiptCaption.labelledAmount(text), ReceiptCaption.labelledDate(text),
        ReceiptCaption.answeredAmount(text), ReceiptCaption.answeredDate(text));

    // then
    assertThat(scanned)
        .isEqualTo(List.of(
            Regexes.labelledAmount(text), Regexes.labelledDate(text),
            Regexes.answeredAmount(text), Regexes.answeredDate(text)));
  }

  @Provide
  Arbitrary<String> captions() {
    return Arbitraries.of(
            "monto", "Monto", "MONTO", "fecha", "Fecha", "FECHA", ":", " ", "  ", "\t", "\n", "\r\n",
            "\u2028", "s/", "S/", "s/.", ".", ",", "-", "/", "0", "1", "2", "5", "9", "12", "15", "2025",
            "2026", "11", "01", "soles", "SOLES", "x", "de", "é", "500", "1,250.50", "1250,50")
        .list()
        .ofMaxSize(14)
        .map(pieces -> String.join("", pieces));
  }

  /** The parsing of ReceiptCaption before it became a linear scan (commit e35a15e). */
  private static final class Regexes {

    private static final String AMOUNT = "(?:s/\\.?\\s*)?(-?[0-9][0-9.,]*)";
    private static final String DATE = "([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4})";
    private static final Pattern LABELLED_AMOUNT =
        Pattern.compile("monto\\s*:?\\s*" + AMOUNT, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern BARE_AMOUNT =
        Pattern.compile("^\\s*" + AMOUNT + "\\s*(?:soles)?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABELLED_DATE = Pattern.compile("fecha\\s*:?\\s*" + DATE, Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_DATE = Pattern.compile("^\\s*" + DATE + "\\s*$");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("^-?[0-9]+,[0-9]{2}$");

    static Optional<BigDecimal> labelledAmount(String caption) {
      return find(LABELLED_AMOUNT, caption).flatMap(Regexes::amount);
    }

    static Optional<LocalDate> labelledDate(String caption) {
      return find(LABELLED_DATE, caption).flatMap(Regexes::date);
    }

    static Optional<BigDecimal> answeredAmount(String text) {
      Optional<BigDecimal> labelled = labelledAmount(text);
      return labelled.isPresent() ? labelled : find(BARE_AMOUNT, text).flatMap(Regexes::amount);
    }

    static Optional<LocalDate> answeredDate(String text) {
      Optional<LocalDate> labelled = labelledDate(text);
      return labelled.isPresent() ? labelled : find(BARE_DATE, text).flatMap(Regexes::date);
    }

    private static Optional<String> find(Pattern pattern, String text) {
      Matcher matcher = pattern.matcher(text);
      return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

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
}
