package pe.xofi.chat.system.chaos;

import java.util.List;

/**
 * What one load member writes, in order: demo members' conversations (identification with a demo
 * DNI and year from a phone of the load, then the account statement, a ticket in three steps or a
 * payment receipt) and unknown numbers that greet, ask and wander.
 */
enum MemberScript {
  STATEMENT,
  TICKET,
  RECEIPT,
  UNKNOWN;

  /** A message of a script; {@code receipt} marks the image webhook. */
  record Step(String label, String text, boolean receipt, Effect effect) {}

  /** What a message must leave in the member database. */
  enum Effect {
    NONE,
    TICKET,
    RECEIPT
  }

  /** The demo members' "DNI … año …" texts, taken in turn. */
  private static final List<String> IDENTIFICATIONS =
      List.of("DNI 12345678 año 1990", "DNI 87654321 año 1985", "DNI 44556677 año 1972");

  /** The script of the {@code n}-th member of a load: 2 in 8 statements, 2 tickets, 1 receipt, 3 unknown. */
  static MemberScript of(int n) {
    return switch (n % 8) {
      case 0, 4 -> STATEMENT;
      case 1, 5 -> TICKET;
      case 2 -> RECEIPT;
      default -> UNKNOWN;
    };
  }

  /** The steps of this script for the {@code n}-th member. */
  List<Step> steps(int n) {
    String identify = IDENTIFICATIONS.get(n % IDENTIFICATIONS.size());
    return switch (this) {
      case STATEMENT -> List.of(
          text("greeting", "Hola"), text("identify", identify), text("statement", "2"), text("loans", "3"), text("logout", "salir"));
      case TICKET -> List.of(
          text("identify", identify),
          text("ticket", "5"),
          text("ticket.subject", "No veo mi pago de junio"),
          new Step("ticket.description", "Pagué el 15 en agencia y no figura en mi estado de cuenta", false, Effect.TICKET),
          text("logout", "salir"));
      case RECEIPT -> List.of(
          text("identify", identify),
          new Step("receipt", "Monto: 550", true, Effect.RECEIPT),
          text("my-info", "1"),
          text("logout", "salir"));
      case UNKNOWN -> List.of(
          text("greeting", "Hola"), text("unknown", "quiero un helado"), text("help", "ayuda"), text("needs-session", "2"), text("farewell", "chau"));
    };
  }

  private static Step text(String label, String text) {
    return new Step(label, text, false, Effect.NONE);
  }
}
