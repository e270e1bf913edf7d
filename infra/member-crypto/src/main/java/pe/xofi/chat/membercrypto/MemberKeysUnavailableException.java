package pe.xofi.chat.membercrypto;

/** The data-key store could not be reached: the caller retries or answers "unavailable", never goes on in clear. */
public final class MemberKeysUnavailableException extends RuntimeException {

  public MemberKeysUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
