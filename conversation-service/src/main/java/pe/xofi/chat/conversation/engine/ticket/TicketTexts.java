package pe.xofi.chat.conversation.engine.ticket;

/** The texts of the support ticket form. */
public final class TicketTexts {

  /** The first step: the subject. */
  public static final String ASK_SUBJECT =
      """
      Vamos a crear un ticket de soporte.
      Escribe el *asunto* en una línea, por ejemplo: *Problema con pago*.
      Escribe *cancelar* para salir.""";

  /** The answer to a subject longer than the ticket can hold; the step is asked again. */
  public static final String SUBJECT_TOO_LONG =
      """
      El asunto puede tener hasta 200 caracteres.
      Escribe un asunto más corto o *cancelar* para salir.""";

  private TicketTexts() {}

  /** The second step: the description, once the subject is known. */
  public static String askDescription(String subject) {
    return """
        Asunto: *%s*
        Ahora describe tu consulta o problema con el mayor detalle posible.
        Escribe *cancelar* para salir."""
        .formatted(subject);
  }

  /** The confirmation with the ticket's number. */
  public static String created(String number, String subject) {
    return """
        Creamos tu ticket *%s*: %s.
        Un asesor te responderá por este medio. Guarda el número para tus consultas."""
        .formatted(number, subject);
  }
}
