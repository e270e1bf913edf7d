package pe.xofi.chat.conversation.engine;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The general texts of the bot (menu, help, farewell, fallbacks) in Spanish (Peru), as plain text
 * suited to WhatsApp ({@code *bold*}); the features keep theirs in {@code AuthTexts},
 * {@code AccountTexts}, {@code TicketTexts} and {@code ReceiptTexts}. Tests compare whole replies
 * against these constants and methods.
 */
public final class BotTexts {

  /** The numbered menu; each number is a shortcut for its item. */
  public static final String MENU_OPTIONS =
      Arrays.stream(MenuOption.values())
          .map(option -> option.number() + ". " + option.label())
          .collect(Collectors.joining("\n"));

  /** The welcome menu, answered to a greeting before the member identifies. */
  public static final String WELCOME =
      """
      ¡Hola! Soy el asistente virtual de *Xofi Recaudo*.

      Puedo ayudarte con:
      %s

      Para empezar, identifícate con tu DNI y tu año de nacimiento, por ejemplo:
      *DNI 12345678 año 1990*

      Escribe *ayuda* para ver todos los comandos."""
          .formatted(MENU_OPTIONS);

  /** The command list (ORIGINAL_SYSTEM.md, "Comandos Disponibles"), answered to "ayuda". */
  public static final String HELP =
      """
      *Comandos disponibles*

      *Para identificarte*
      • *DNI 12345678 año 1990*: tu DNI y tu año de nacimiento

      *Con tu sesión iniciada*
      • *Mi información* o *Mis datos*: tus datos personales
      • *Estado de cuenta* o *Mi deuda*: el resumen de tus deudas
      • *Mis préstamos* o *Listar créditos*: todos tus préstamos
      • *Detalle de préstamo [ID]*: el detalle de un préstamo
      • *Crear ticket* o *Soporte*: abre un ticket de soporte
      • *Subir boleta* o *Comprobante*: cómo enviar tu comprobante de pago
      • *Cancelar*: abandona el ticket o el comprobante en curso
      • *Salir*: cierra tu sesión

      *Siempre*
      • *Hola*: el menú de opciones (responde con su número)
      • *Ayuda*: esta lista de comandos
      • *Adiós* o *Chao*: terminar la conversación""";

  /** The goodbye. */
  public static final String FAREWELL =
      """
      ¡Gracias por comunicarte con *Xofi Recaudo*! Que tengas un buen día.
      Cuando nos necesites, escribe *hola*.""";

  /** The answer to a text the bot does not understand. */
  public static final String FALLBACK =
      """
      No entendí tu mensaje.
      Escribe *ayuda* para ver los comandos disponibles.""";

  /** The answer to a message type the bot cannot read (audio, sticker, location, contact…). */
  public static final String UNSUPPORTED =
      """
      Por ahora solo puedo leer mensajes de texto y comprobantes de pago (foto o PDF).
      Escribe *ayuda* para ver los comandos disponibles.""";

  /** The answer to "cancelar" when no ticket or receipt is in progress. */
  public static final String NOTHING_TO_CANCEL =
      """
      No tienes ningún trámite en curso.
      Escribe *ayuda* para ver los comandos disponibles.""";

  /** The answer to "cancelar" in the middle of a ticket or a receipt: the form is dropped. */
  public static final String FORM_CANCELLED =
      """
      Listo, cancelé el trámite en curso.
      Escribe *hola* para ver el menú.""";

  private BotTexts() {}

  /** The menu of an identified member, answered to a greeting. */
  public static String memberMenu(String firstName) {
    return """
        ¡Hola, *%s*! ¿En qué te puedo ayudar hoy?

        %s

        Responde con el número de una opción, escribe *ayuda* para ver todos los comandos o *salir* para cerrar tu sesión."""
        .formatted(firstName, MENU_OPTIONS);
  }
}
