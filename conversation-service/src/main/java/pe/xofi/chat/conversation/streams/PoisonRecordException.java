package pe.xofi.chat.conversation.streams;

/** An inbound record no code path can handle (no key, no value): it goes to the dead-letter topic. */
final class PoisonRecordException extends RuntimeException {

  PoisonRecordException(String message) {
    super(message);
  }
}
