package pe.xofi.chat.conversation.engine;

/**
 * Every text the bot says, in Spanish (Peru), as plain text suited to WhatsApp ({@code *bold*});
 * tests and other modules compare replies against these constants.
 */
public final class BotTexts {

  /** The welcome menu, answered to a greeting. */
  public static final String WELCOME =
      """
      ¡Hola! Soy el asistente virtual de *Xofi Recaudo*.

      Puedo ayudarte a:
      • Consultar tus datos personales
      • Ver tu estado de cuenta
      • Revisar tus préstamos y sus cuotas
      • Crear un ticket de soporte
      • Subir un comprobante de pago

      Para empezar, identifícate con tu DNI y tu año de nacimiento, por ejemplo:
      *DNI 12345678 año 1990*

      Escribe *ayuda* para ver todos los comandos.""";

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

      *Siempre*
      • *Hola*: el menú de opciones
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

  /** The answer to a message type the bot cannot read yet. */
  public static final String UNSUPPORTED =
      """
      Por ahora solo puedo leer mensajes de texto.
      Escribe *ayuda* para ver los comandos disponibles.""";

  private BotTexts() {}
}
