package pe.xofi.chat.membercrypto;

/** A record after opening: readable, forgotten by its member, or sealed for a reader without the key set. */
public sealed interface Unsealed<T> {

  /** The record with its member data in clear (or a record that was never sealed). */
  record Readable<T>(T value) implements Unsealed<T> {}

  /** Its conversation's data key is gone ({@code ./xofi forget}): nothing of it may be used or shown. */
  record Forgotten<T>() implements Unsealed<T> {}

  /** Sealed, and this reader holds no {@code XOFI_DATA_KEYSET}: not an authorised reader. */
  record Locked<T>() implements Unsealed<T> {}
}
