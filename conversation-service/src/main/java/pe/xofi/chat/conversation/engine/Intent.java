package pe.xofi.chat.conversation.engine;

import java.util.Locale;

/** What a member wants, as far as the engine understands their message. */
public enum Intent {
  /** A greeting: answered with the menu, personalised once the member is identified. */
  GREETING,
  /** A request for the command list. */
  HELP,
  /** A goodbye. */
  FAREWELL,
  /** DNI and birth year, to identify the member. */
  AUTHENTICATE,
  /** "salir": closes the session. */
  LOGOUT,
  /** The member's personal data. */
  MY_INFO,
  /** The summary of the member's debts. */
  ACCOUNT_STATEMENT,
  /** The member's loans. */
  LOANS,
  /** One loan with its installments. */
  LOAN_DETAIL,
  /** A support ticket: starting the form or answering one of its steps. */
  CREATE_TICKET,
  /** A payment receipt: the instructions, a file, or an answer to one of the form's steps. */
  UPLOAD_RECEIPT,
  /** "cancelar": abandons the form in progress. */
  CANCEL,
  /** Text the engine does not understand: answered with a pointer to the help. */
  UNKNOWN,
  /** A message type the engine cannot read (audio, sticker, location…). */
  UNSUPPORTED,
  /** Provider noise that deserves no answer: the bot's own echoes, reactions, system notices. */
  IGNORED;

  /** The lower-case name recorded in conversation events and metric tags. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
