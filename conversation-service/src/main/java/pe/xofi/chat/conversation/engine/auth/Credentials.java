package pe.xofi.chat.conversation.engine.auth;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pe.xofi.chat.conversation.engine.IntentDetector;

/**
 * What a member types to identify: an 8-digit DNI and a 4-digit birth year, as {@code DNI 12345678
 * año 1990}, {@code dni: 12345678 año 1990}, {@code DNI 12345678, ano 1990} or {@code 12345678 1990}.
 * Never logged, never recorded in state or events.
 */
public record Credentials(String dni, int birthYear) {

  private static final Pattern FORM =
      Pattern.compile(
          "^(?:dni )?([0-9]{8}) (?:(?:ano|anio)(?: de nacimiento)? |nacimiento |nacido en )?([0-9]{4})$");

  /** The credentials in {@code text}, whatever its case, accents or punctuation. */
  public static Optional<Credentials> parse(String text) {
    return ofWords(IntentDetector.normalise(text));
  }

  /** The credentials in {@code words}, a text already {@link IntentDetector#normalise normalised}. */
  public static Optional<Credentials> ofWords(String words) {
    Matcher matcher = FORM.matcher(words);
    return matcher.matches()
        ? Optional.of(new Credentials(matcher.group(1), Integer.parseInt(matcher.group(2))))
        : Optional.empty();
  }

  @Override
  public String toString() {
    return "Credentials[redacted]";
  }
}
