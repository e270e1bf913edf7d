package pe.xofi.chat.conversation.member;

/**
 * The member database did not answer in time or failed; the message that needed it must be retried,
 * never dropped or answered with partial data.
 */
public final class MemberDataUnavailableException extends RuntimeException {
  public MemberDataUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
