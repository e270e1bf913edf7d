package pe.xofi.chat.conversation.engine.auth;

import java.time.Duration;
import java.time.Instant;
import pe.xofi.chat.conversation.engine.BotTexts;
import pe.xofi.chat.conversation.engine.Formats;

/** The texts of identification and sessions; none says whether the DNI or the year was wrong. */
public final class AuthTexts {

  /** How to identify, answered to anything that needs the member's data before a session. */
  public static final String AUTH_REQUIRED =
      """
      Para eso primero necesito identificarte.
      Escribe tu DNI y tu año de nacimiento, por ejemplo:
      *DNI 12345678 año 1990*""";

  /** The answer to a text that starts with "DNI" but is not a DNI and a year. */
  public static final String AUTH_FORMAT =
      """
      Para identificarte escribe tu DNI de 8 dígitos y tu año de nacimiento, por ejemplo:
      *DNI 12345678 año 1990*""";

  /**
   * The answer to a DNI and year that match no active member; it does not say which one was wrong,
   * nor whether the DNI exists, is locked or belongs to an inactive member.
   */
  public static final String AUTH_FAILED =
      """
      No pude identificarte con esos datos.
      Revisa tu DNI y tu año de nacimiento e inténtalo de nuevo, por ejemplo:
      *DNI 12345678 año 1990*""";

  /**
   * The answer, under {@link PhoneBinding#REQUIRE}, to identification from a WhatsApp number that is
   * not the one registered for that DNI (or to a DNI registered for no number, so it does not say
   * whether the DNI exists).
   */
  public static final String UNREGISTERED_PHONE =
      """
      No pude identificarte desde este número.
      Por tu seguridad, solo puedes identificarte desde el número de WhatsApp que tienes registrado en la cooperativa. Revisa tu DNI, escríbenos desde tu número registrado o comunícate con la cooperativa para actualizarlo.""";

  /** The first reply after a session closed for inactivity; the message is then answered anew. */
  public static final String SESSION_EXPIRED =
      "Tu sesión se cerró porque pasaron 30 minutos sin mensajes.";

  /** The answer to "salir" with a session open. */
  public static final String LOGGED_OUT =
      """
      Cerraste tu sesión. ¡Hasta pronto!
      Para volver a identificarte escribe tu DNI y tu año de nacimiento, por ejemplo:
      *DNI 12345678 año 1990*""";

  /** The answer to "salir" without a session. */
  public static final String NO_SESSION =
      """
      No tienes una sesión abierta.
      Para identificarte escribe tu DNI y tu año de nacimiento, por ejemplo:
      *DNI 12345678 año 1990*""";

  private AuthTexts() {}

  /** The welcome after a successful identification, with the menu. */
  public static String welcome(String firstName) {
    return """
        ¡Hola, *%s*! Te identificaste correctamente.

        %s

        Responde con el número de una opción, escribe *ayuda* para ver todos los comandos o *salir* para cerrar tu sesión."""
        .formatted(firstName, BotTexts.MENU_OPTIONS);
  }

  /**
   * The first reply after a session reached its longest lifetime ({@code maxLifetime}); the message
   * is then answered anew.
   */
  public static String sessionLifetimeOver(Duration maxLifetime) {
    long minutes = maxLifetime.toMinutes();
    return "Por tu seguridad, tu sesión se cerró porque pasaron %d %s desde que te identificaste."
        .formatted(minutes, minutes == 1 ? "minuto" : "minutos");
  }

  /** The answer to the failure that locks identification, and to every attempt while locked. */
  public static String locked(Instant until) {
    return """
        Por tu seguridad, la identificación está bloqueada hasta las %s por demasiados intentos fallidos.
        Vuelve a intentarlo después de esa hora."""
        .formatted(Formats.limaTime(until));
  }
}
