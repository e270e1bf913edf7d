package pe.xofi.chat.conversation.engine;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import pe.xofi.chat.conversation.engine.auth.Credentials;
import pe.xofi.chat.schemas.inbound.InputLimits;

/**
 * Recognises the intent of a text regardless of case, accents and punctuation: credentials and menu
 * numbers first, then the commands in the order below (the first that matches wins), then a
 * request for help anywhere in the text, then a farewell or a greeting at its start.
 *
 * <p>Every pattern here runs in time linear in its input (no nested or adjacent quantifiers over the
 * same characters), and the input is first cut to {@link InputLimits#TEXT} characters, so no text
 * costs more than a bounded time (security review H2).
 */
public final class IntentDetector {

  private static final Pattern MENU_NUMBER = Pattern.compile("^[0-9]{1,2}$");

  /** Commands, in the order they are tried: a loan code makes "préstamo 1001" a detail, not the list. */
  private static final Map<Intent, Pattern> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put(Intent.CANCEL, Pattern.compile("^(cancelar|cancela|cancelo|anular)\\b"));
    COMMANDS.put(Intent.LOGOUT, Pattern.compile("^(salir|cerrar sesion|logout)\\b"));
    COMMANDS.put(
        Intent.LOAN_DETAIL,
        Pattern.compile("\\bdetalle\\b|\\b(prestamo|credito|pr) ?[0-9]+\\b"));
    COMMANDS.put(Intent.LOANS, Pattern.compile("\\b(prestamos?|creditos?)\\b"));
    COMMANDS.put(
        Intent.ACCOUNT_STATEMENT, Pattern.compile("\\bestado de cuenta\\b|\\bdeudas?\\b|\\bcuanto debo\\b"));
    COMMANDS.put(
        Intent.MY_INFO, Pattern.compile("\\bmi informacion\\b|\\bmis datos\\b|\\bdatos personales\\b"));
    COMMANDS.put(Intent.CREATE_TICKET, Pattern.compile("\\b(crear ticket|ticket|soporte|reclamo)\\b"));
    COMMANDS.put(
        Intent.UPLOAD_RECEIPT, Pattern.compile("\\b(subir boleta|boleta|comprobante|voucher)\\b"));
  }

  private static final Pattern HELP = Pattern.compile("\\b(ayuda|help|menu|comandos|opciones)\\b");

  private static final Pattern FAREWELL =
      Pattern.compile("^(adios|chao+|chau|bye|hasta luego|hasta pronto|nos vemos)\\b");

  private static final Pattern GREETING =
      Pattern.compile(
          "^(hola+|ola|holi|hi|hello|hey|saludos|que tal|buen dia|buenos dias|buenas( tardes| noches)?)\\b");

  private static final Pattern DNI_FIRST = Pattern.compile("^dni\\b");

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** The intent of a member's text, read from its first {@link InputLimits#TEXT} characters. */
  public Intent detect(String text) {
    String bounded = InputLimits.cut(text, InputLimits.TEXT);
    if (bounded != null && bounded.strip().equals("?")) {
      return Intent.HELP;
    }
    String words = normalise(bounded);
    if (Credentials.ofWords(words).isPresent() || DNI_FIRST.matcher(words).find()) {
      return Intent.AUTHENTICATE;
    }
    if (MENU_NUMBER.matcher(words).matches()) {
      Intent option = MenuOption.intentOf(Integer.parseInt(words));
      return option != null ? option : Intent.UNKNOWN;
    }
    for (Map.Entry<Intent, Pattern> command : COMMANDS.entrySet()) {
      if (command.getValue().matcher(words).find()) {
        return command.getKey();
      }
    }
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

  /**
   * Lower-case words without accents or punctuation of the first {@link InputLimits#TEXT} characters:
   * "¡Buenos Días!" becomes "buenos dias".
   */
  public static String normalise(String text) {
    if (text == null) {
      return "";
    }
    String bounded = InputLimits.cut(text, InputLimits.TEXT);
    String withoutAccents = MARKS.matcher(Normalizer.normalize(bounded, Normalizer.Form.NFD)).replaceAll("");
    return NOT_WORD.matcher(withoutAccents.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
