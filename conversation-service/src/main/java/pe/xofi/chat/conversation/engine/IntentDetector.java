package pe.xofi.chat.conversation.engine;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises the intent of a text regardless of case, accents and punctuation: a request for help
 * anywhere in the text wins, then a farewell or a greeting at its start; anything else is unknown.
 */
public final class IntentDetector {

  private static final Pattern HELP = Pattern.compile("\\b(ayuda|help|menu|comandos|opciones)\\b");

  private static final Pattern FAREWELL =
      Pattern.compile("^(adios|chao+|chau|bye|hasta luego|hasta pronto|nos vemos)\\b");

  private static final Pattern GREETING =
      Pattern.compile(
          "^(hola+|ola|holi|hi|hello|hey|saludos|que tal|buen dia|buenos dias|buenas( tardes| noches)?)\\b");

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** The intent of a member's text. */
  public Intent detect(String text) {
    String words = normalise(text);
    if (HELP.matcher(words).find()) {
      return Intent.HELP;
    }
    if (FAREWELL.matcher(words).find()) {
      return Intent.FAREWELL;
    }
    if (GREETING.matcher(words).find()) {
      return Intent.GREETING;
    }
    return Intent.UNKNOWN;
  }

  /** Lower-case words without accents or punctuation: "¡Buenos Días!" becomes "buenos dias". */
  static String normalise(String text) {
    if (text == null) {
      return "";
    }
    String withoutAccents = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    return NOT_WORD.matcher(withoutAccents.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
