package pe.xofi.chat.outbound.send;

/** The provider refused the message (a 4xx other than 429): sending it again cannot succeed. */
public final class PermanentSendFailure extends SendFailure {

  public PermanentSendFailure(String message, Integer statusCode, String detail) {
    super(message, statusCode, detail, null);
  }
}
