package pe.xofi.chat.outbound.status;

/** What became of one provider status callback. */
enum StatusOutcome {
  /** A delivery event was written and the ledger marked. */
  RECORDED,
  /** The same status of that reply was reported before; nothing written. */
  DUPLICATE,
  /** A status word that needs no event ({@code pending}, {@code sent}, {@code deleted}, ...). */
  IGNORED,
  /** No sent reply has that provider message id: a message the bot did not send, or a provider echo. */
  UNKNOWN_MESSAGE
}
