package pe.xofi.chat.conversation.engine;

import java.util.Locale;

/** What a member wants, as far as the engine understands their message. */
public enum Intent {
  /** A greeting: answered with the welcome menu. */
  GREETING,
  /** A request for the command list. */
  HELP,
  /** A goodbye. */
  FAREWELL,
  /** Text the engine does not understand: answered with a pointer to the help. */
  UNKNOWN,
  /** A message type the engine cannot read yet (audio, sticker, location, media for now). */
  UNSUPPORTED,
  /** Provider noise that deserves no answer: the bot's own echoes, reactions, system notices. */
  IGNORED;

  /** The lower-case name recorded in conversation events and metric tags. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
