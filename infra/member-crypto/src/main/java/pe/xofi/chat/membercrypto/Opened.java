package pe.xofi.chat.membercrypto;

/** What opening a sealed record gave: its bytes, or nothing because the member was forgotten. */
public sealed interface Opened {

  /** The record's plaintext. */
  record Plain(byte[] bytes) implements Opened {}

  /** The conversation's data key is gone ({@code ./xofi forget}): the record is unreadable for good. */
  record Forgotten() implements Opened {}
}
